package dev.jgrad.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** An SVG read as XML, for the tests: each value box's texts by its data-testid. */
final class Svg {
    private Svg() {
    }

    static Document parse(String svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** data-testid → the box's texts joined by " | " (label | data … | grad …). */
    static Map<String, String> boxes(String svg) {
        Map<String, String> boxes = new LinkedHashMap<>();
        NodeList groups = parse(svg).getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.hasAttribute("data-testid")) {
                NodeList texts = g.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
                StringBuilder s = new StringBuilder();
                for (int k = 0; k < texts.getLength(); k++) {
                    s.append(k == 0 ? "" : " | ").append(texts.item(k).getTextContent());
                }
                boxes.put(g.getAttribute("data-testid"), s.toString());
            }
        }
        return boxes;
    }

    /** The classes of the box with this data-testid. */
    static String classes(String svg, String testId) {
        NodeList groups = parse(svg).getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("data-testid").equals(testId)) {
                return g.getAttribute("class");
            }
        }
        return null;
    }
}
