package dev.jgrad.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jgrad.engine.Value;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphvizTest {
    @TempDir
    Path dir;

    private static Dot product() {
        Value a = Value.of(1, "a");
        Value b = Value.of(2, "b");
        Value c = a.mul(b).named("c");
        c.backward();
        return Dot.of(c).inputs(a, b);
    }

    @Test
    void rendersAValidSvgAndPngWhenDotIsInstalled() throws IOException {
        Graphviz graphviz = Graphviz.find();
        // CI installs graphviz (.ci/run, which runs with CI set): there a missing dot is a failure.
        // A developer machine without it skips, so the README's test command passes with only a JDK.
        if (System.getenv("CI") != null) {
            assertThat(graphviz.available()).as("dot on the PATH in CI").isTrue();
        }
        assumeTrue(graphviz.available(), "Graphviz is not installed");

        Path svg = graphviz.write(product(), dir.resolve("c.svg"));
        Path png = graphviz.write(product(), dir.resolve("c.png"));

        assertThat(svg).isEqualTo(dir.resolve("c.svg"));
        assertThat(Files.readString(svg)).contains("<svg").contains("data 2.0000").contains("grad 1.0000").endsWith("</svg>\n");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isBetween(150, 1200);
        assertThat(image.getHeight()).isBetween(50, 600);
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void withoutDotTheDotTextIsWrittenBesideTheAskedForPicture() throws IOException {
        Graphviz missing = Graphviz.find(dir.resolve("nowhere").toString());
        assertThat(missing.available()).isFalse();

        Path written = missing.write(product(), dir.resolve("c.svg"));

        assertThat(written).isEqualTo(dir.resolve("c.dot"));
        assertThat(Files.readString(written)).isEqualTo(product().text());
        assertThat(dir.resolve("c.svg")).doesNotExist();
    }

    @Test
    void aGraphOverTheCapIsRefusedBeforeDotRuns() {
        List<Value> terms = new ArrayList<>();
        for (int i = 0; i < Graphviz.MAX_LAYOUT; i++) {
            terms.add(Value.of(i));
        }
        Dot big = Dot.of(Value.sum(terms));
        assertThat(big.layoutSize()).isEqualTo(Graphviz.MAX_LAYOUT + 1);
        assertThatThrownBy(() -> Graphviz.find().write(big, dir.resolve("big.png")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining((Graphviz.MAX_LAYOUT + 1) + " values and 0 columns")
                .hasMessageContaining("limited to " + Graphviz.MAX_LAYOUT);
        assertThat(dir.resolve("big.png")).doesNotExist();
        assertThat(Graphviz.find().write(big, dir.resolve("big.dot"))).exists();
    }

    @Test
    void aFewValuesReusedFarApartAreRefusedAtOnceWithTheirSizeAndTheCap() {
        // The QA case: 100 terms of a*b are only 201 values but dot never finished.
        Value a = Value.of(1, "a");
        Value b = Value.of(2, "b");
        Value sum = a.mul(b);
        for (int i = 1; i < 100; i++) {
            sum = sum.add(a.mul(b));
        }
        Dot chain = Dot.of(sum);
        assertThat(chain.size()).isLessThan(Graphviz.MAX_LAYOUT / 4);
        assertThatThrownBy(() -> Graphviz.find().write(chain, dir.resolve("big.svg")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(chain.size() + " values and " + chain.skippedColumns() + " columns")
                .hasMessageContaining("limited to " + Graphviz.MAX_LAYOUT)
                .hasMessageContaining("big.dot still works");
        assertThat(dir.resolve("big.svg")).doesNotExist();
        assertThat(Graphviz.find().write(chain, dir.resolve("big.dot"))).exists();
    }

    @Test
    void reuseThatStaysCloseTogetherIsCheapAndAllowed() {
        Value a = Value.of(1, "a");
        Dot tree = Dot.of(balancedSum(a, 1, 128));
        assertThat(tree.skippedColumns()).isLessThan(50);

        Value x = Value.of(1, "x");
        Value chain = x.mul(1);
        for (int i = 2; i <= 30; i++) {
            chain = chain.add(x.mul(i));
        }
        // x feeds 30 products spread over 60 columns: each skips ~2 more than the one before.
        assertThat(Dot.of(chain).skippedColumns()).isBetween(700, 1000);
    }

    private static Value balancedSum(Value a, int low, int high) {
        if (low == high) {
            return a.mul(low);
        }
        int mid = (low + high) / 2;
        return balancedSum(a, low, mid).add(balancedSum(a, mid + 1, high));
    }

    @Test
    void anUnknownExtensionIsRefused() {
        assertThatThrownBy(() -> Graphviz.find().write(product(), dir.resolve("c.jpeg")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must end in .svg, .png or .dot");
    }

    @Test
    void aDotThatFailsIsReportedAndLeavesNoFile() throws IOException {
        Path fake = dir.resolve("bin/dot");
        Files.createDirectories(fake.getParent());
        Files.writeString(fake, "#!/bin/sh\necho 'Error: syntax error in line 1' >&2\nexit 1\n");
        assumeTrue(fake.toFile().setExecutable(true));
        Graphviz broken = Graphviz.find(fake.getParent().toString());

        assertThatThrownBy(() -> broken.write(product(), dir.resolve("c.svg")))
                .hasMessageContaining("dot failed (exit 1): Error: syntax error in line 1");
        assertThat(dir.resolve("c.svg")).doesNotExist();
    }

    @Test
    void aDotThatExitsZeroWithoutWritingIsReportedAndKeepsTheOldPicture() throws IOException {
        Path fake = dir.resolve("quiet/dot");
        Files.createDirectories(fake.getParent());
        Files.writeString(fake, "#!/bin/sh\nexit 0\n");
        assumeTrue(fake.toFile().setExecutable(true));
        Graphviz quiet = Graphviz.find(fake.getParent().toString());
        Path old = Files.writeString(dir.resolve("c.svg"), "<svg>old</svg>");

        assertThatThrownBy(() -> quiet.write(product(), old)).hasMessageContaining(old.toString())
                .hasMessageContaining("dot exited 0 but wrote no picture");
        assertThat(old).hasContent("<svg>old</svg>");
    }
}
