package dev.jgrad.io;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a CSV file is written: its separator, its decimal mark, the cells that mean "missing", and
 * the columns to read as text whatever they hold. {@link #DEFAULT} reads what R's
 * {@code write.csv}, pandas and spreadsheets write; {@code DEFAULT.withDecimalComma(true)} reads
 * R's {@code write.csv2} ({@code ;} between cells, {@code 1,5} for one and a half).
 *
 * @param separator the character between cells, or {@link #DETECT}: then the header line decides
 *     ({@code ;} or tab when it has more of them than commas, else a comma; with a decimal comma
 *     {@code ;} unless the header has tabs). Never a quote, a line break or a digit.
 * @param decimalComma whether numbers write their decimal mark as {@code ,} ({@code 1,5}); a
 *     {@code 1.5} is then not a number
 * @param missing the cells (after trimming blanks, compared exactly) that mean a missing value; an
 *     empty cell is always missing
 * @param text the names of columns read as {@link Column.Categories} even when their cells are
 *     numbers (a label column, a numbered category)
 */
public record CsvFormat(char separator, boolean decimalComma, List<String> missing, Set<String> text) {
    /** The separator that means "decide from the header line". */
    public static final char DETECT = '\0';

    /** The cells that mean a missing value unless told otherwise: R's, pandas' and databases' spellings. */
    public static final List<String> MISSING = List.of("NA", "N/A", "NaN", "?", "null");

    /** A detected separator, a decimal point, {@link #MISSING}, and no column forced to text. */
    public static final CsvFormat DEFAULT = new CsvFormat(DETECT, false, MISSING, Set.of());

    /**
     * Copies the sets; refuses a separator that cannot separate (a quote, a line break, a digit,
     * non-ASCII, or a comma beside a decimal comma).
     *
     * @param separator the cell separator, or {@link #DETECT}
     * @param decimalComma whether numbers write their decimal mark as a comma
     * @param missing the cells that mean a missing value
     * @param text the columns read as text
     */
    public CsvFormat {
        missing = List.copyOf(missing);
        text = Set.copyOf(text);
        if (separator == '"' || separator == '\n' || separator == '\r' || separator >= '0' && separator <= '9'
                || separator > 0x7F || decimalComma && separator == ',') {
            throw new IllegalArgumentException("cannot separate cells with " + describe(separator)
                    + (decimalComma && separator == ',' ? " when the decimal mark is a comma" : "")
                    + "; use one ASCII character that is not a quote, a line break or a digit");
        }
    }

    /**
     * The separator a user names: one character, or {@code tab}, {@code comma}, {@code semicolon}
     * or {@code auto} (detect). Anything else is an IllegalArgumentException naming it.
     *
     * @param name the user's word
     * @return the character, {@link #DETECT} for auto
     * @throws IllegalArgumentException for a name of more than one character that is none of the words
     */
    public static char separator(String name) {
        Objects.requireNonNull(name, "separator");
        switch (name) {
            case "tab", "\\t" -> {
                return '\t';
            }
            case "comma" -> {
                return ',';
            }
            case "semicolon" -> {
                return ';';
            }
            case "auto" -> {
                return DETECT;
            }
            default -> {
                if (name.length() != 1) {
                    throw new IllegalArgumentException("a separator is one character (or tab, comma, semicolon, auto), not '" + name + "'");
                }
                return name.charAt(0);
            }
        }
    }

    /**
     * This format with {@code separator} ({@link #DETECT} to decide from the header).
     *
     * @param separator the cell separator, or {@link #DETECT}
     * @return this format with it
     */
    public CsvFormat withSeparator(char separator) {
        return new CsvFormat(separator, decimalComma, missing, text);
    }

    /**
     * This format with the decimal mark a comma ({@code true}) or a point.
     *
     * @param comma whether numbers use a decimal comma
     * @return this format with it
     */
    public CsvFormat withDecimalComma(boolean comma) {
        return new CsvFormat(separator, comma, missing, text);
    }

    /**
     * This format with {@code tokens} (besides the empty cell) meaning a missing value.
     *
     * @param tokens the cells that mean missing
     * @return this format with them
     */
    public CsvFormat withMissing(Collection<String> tokens) {
        return new CsvFormat(separator, decimalComma, List.copyOf(tokens), text);
    }

    /**
     * This format with the columns called {@code names} read as text.
     *
     * @param names the columns read as text
     * @return this format with them
     */
    public CsvFormat withText(Collection<String> names) {
        return new CsvFormat(separator, decimalComma, missing, Set.copyOf(names));
    }

    /** The separator for a file whose first line is {@code header}: the one chosen, or the one it shows. */
    char separatorFor(String header) {
        if (separator != DETECT) {
            return separator;
        }
        int commas = 0, semicolons = 0, tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            quoted ^= c == '"';
            if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        if (tabs > commas && tabs > semicolons || decimalComma && tabs > 0 && tabs >= semicolons) {
            return '\t';
        }
        return semicolons > commas || decimalComma ? ';' : ',';
    }

    static String describe(char c) {
        return c == '\t' ? "tab" : c == DETECT ? "nothing" : c < ' ' || c > 0x7E ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }
}
