package dev.jgrad.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A box's numbers stay inside their cells, however long the number. */
class GraphSvgTest {
    private static final Pattern CELL = Pattern.compile("<text class=\"(data|grad)\"([^>]*)>([^<]*)</text>");

    @Test
    void aNumberTooLongForItsCellIsSqueezedIntoItAndAShortOneIsLeftAsItIs() {
        Value a = Value.of(123456.78912, "a");
        Value w = Value.of(-1.2977995519568033e-5, "w");
        Value n = a.mul(w).named("n");
        n.backward();
        String svg = new Figure(n, List.of(a), List.of(w)).svg("");
        List<String> squeezed = new ArrayList<>(), plain = new ArrayList<>();
        Matcher m = CELL.matcher(svg);
        while (m.find()) {
            (m.group(2).contains("textLength=\"84.0\"") ? squeezed : plain).add(m.group(3));
        }
        // 12 characters fit the 84 px a cell leaves its text; the longer ones are fitted to it
        assertThat(squeezed).containsExactlyInAnyOrder("data 123456.7891", "grad -1.298E-5", "data -1.298E-5", "grad 123456.7891");
        assertThat(plain).containsExactlyInAnyOrder("data -1.6022", "grad 1.0000").allMatch(t -> t.length() <= 12);
    }
}
