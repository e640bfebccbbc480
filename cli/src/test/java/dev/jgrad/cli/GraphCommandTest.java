package dev.jgrad.cli;

import static dev.jgrad.cli.MainTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jgrad.viz.Dot;
import dev.jgrad.viz.Graphviz;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphCommandTest {
    @TempDir
    Path dir;

    @Test
    void withoutOutTheDotTextGoesToStandardOutputWithGradients() {
        MainTest.Run r = run("graph", "a*b", "--set", "a=1,b=2", "--backward");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("digraph jgrad {")
                .contains("{ a | data 1.0000 | grad 2.0000 }")
                .contains("{ b | data 2.0000 | grad 1.0000 }");
    }

    @Test
    void theNeuronIsDrawnIntoTheFileAskedFor() throws IOException {
        Path out = dir.resolve("n.dot");
        MainTest.Run r = run("graph", "tanh(x1*w1 + x2*w2 + b)", "--set", "x1=2,w1=-3,x2=0,w2=1,b=6.8813735870195432",
                "--backward", "--out", out.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("= 0.7071").contains("wrote " + out);
        String text = Files.readString(out);
        assertThat(text).contains("{ w1 | data -3.0000 | grad 1.0000 }\", fillcolor=\"#c6dbef\"")
                .contains("{ x1 | data 2.0000 | grad -1.5000 }\", fillcolor=\"#c7e9c0\"");
    }

    @Test
    void paramsChooseWhichVariablesAreParameters() {
        MainTest.Run r = run("graph", "x*y", "--set", "x=1,y=2", "--params", "x");
        assertThat(r.out()).contains("{ x | data 1.0000 | grad 0.0000 }\", fillcolor=\"#c6dbef\"")
                .contains("{ y | data 2.0000 | grad 0.0000 }\", fillcolor=\"#c7e9c0\"");
    }

    @Test
    void orderThreeDrawsTheThirdDerivativesGraph() {
        MainTest.Run r = run("graph", "tanh(x)", "--set", "x=1", "--order", "3");
        assertThat(r.code()).isZero();
        // tanh''' = (6t² − 2)(1 − t²) with t = tanh 1: 0.6216; a graph of many ops over the same leaf x
        assertThat(r.out()).contains("{ d³/dx³ | data 0.6216 |").contains("{ x | data 1.0000 |").contains("tanh");
        assertThat(r.out().split("_op \\[").length).isGreaterThan(10);
    }

    @Test
    void orderWithSeveralVariablesAsksWhichOne() {
        MainTest.Run r = run("graph", "x*y", "--set", "x=1,y=2", "--order", "2");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("jgrad: --order needs --wrt NAME").contains("x, y");
        MainTest.Run ok = run("graph", "x*x*y", "--set", "x=1,y=2", "--order", "2", "--wrt", "x");
        assertThat(ok.out()).contains("{ d²/dx² | data 4.0000 |");
    }

    @Test
    void aSyntaxErrorIsOneLineWithItsColumnAndExitCodeTwo() {
        MainTest.Run r = run("graph", "tanh(x1*w1", "--set", "x1=1,w1=2");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("jgrad: column 11: expected ')'").doesNotContain("Exception");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void anUnsetVariableIsNamed() {
        MainTest.Run r = run("graph", "a*b", "--set", "a=1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("jgrad: variable b has no value (give it one, e.g. b=1)\n");
    }

    @Test
    void aValueForAVariableNotInTheExpressionIsRefused() {
        MainTest.Run r = run("graph", "a*b", "--set", "a=1,b=2,c=3");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no variable c in the expression (its variables: a, b)");
    }

    @Test
    void anUnknownPictureFormatIsRefusedWithoutWritingAnything() {
        Path out = dir.resolve("n.jpg");
        MainTest.Run r = run("graph", "a", "--set", "a=1", "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("must end in .svg, .png or .dot");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void anExpressionMayStartWithAMinus() {
        MainTest.Run r = run("graph", "-a**2", "--set", "a=3", "--out", dir.resolve("m.dot").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("= -9.0000");
        assertThat(run("graph", "--set", "o=3", "--", "-o*2").out()).contains("{ data -6.0000 | grad 0.0000 }\", fillcolor=\"#fcd9b0\"");
        assertThat(run("graph", "--set", "a=3", "--bakward", "a").code()).isEqualTo(2);
    }

    @Test
    void paramsNotInTheExpressionAreRefused() {
        MainTest.Run r = run("graph", "a*b", "--set", "a=1,b=2", "--params", "zz");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("jgrad: --params zz: no variable zz in the expression (its variables: a, b)\n");
    }

    @Test
    void aVariableSetTwiceIsRefused() {
        MainTest.Run r = run("graph", "a*b", "--set", "a=1,b=2,a=3");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("jgrad: --set a is given twice; give each variable one value\n");
        assertThat(run("graph", "a", "--set", "a=x").err()).contains("'x' is not a number");
    }

    @Test
    void notFiniteValuesAreDrawnButWarnedAboutOnOneLine() {
        MainTest.Run log = run("graph", "log(a)", "--set", "a=-1");
        assertThat(log.code()).isZero();
        assertThat(log.out()).contains("data NaN");
        assertThat(log.err()).startsWith("jgrad: warning: 1 value(s) are NaN or infinite, first the result of log = NaN");
        assertThat(log.err().lines()).hasSize(1);
        assertThat(run("graph", "a/0", "--set", "a=1").err()).contains("Infinity");
        assertThat(run("graph", "a/2", "--set", "a=1", "--backward").err()).isEmpty();
    }

    @Test
    void theHelpExampleFitsOnItsLinesSoItCanBeCopied() {
        String help = run("graph", "--help").out();
        assertThat(help).contains("--set x1=2,w1=-3,x2=0,w2=1,b=6.88\n");
        assertThat(help.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"1d", "0x1p3"})
    void javaOnlyNumberSyntaxIsRefusedInSetAndOptions(String number) {
        MainTest.Run set = run("graph", "a*b", "--set", "a=" + number + ",b=2");
        assertThat(set.code()).isEqualTo(2);
        assertThat(set.err()).contains("'" + number + "' is not a number");
        MainTest.Run lr = run("train", "--lr", number, "--out", "unused");
        assertThat(lr.code()).isEqualTo(2);
        assertThat(lr.err()).contains("--lr").contains(number).doesNotContain("Exception");
    }

    @org.junit.jupiter.api.Test
    void aFlatSumOfTenThousandTermsIsWrittenAsDot(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        String flat = String.join("+", java.util.Collections.nCopies(10_000, "x"));
        java.nio.file.Path dot = dir.resolve("flat.dot");
        MainTest.Run r = run("graph", flat, "--set", "x=1", "-o", dot.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(dot).content().contains("10000.0000");
    }

    @Test
    void inAProductBothFactorsAreInputsAndBesideWeightsBIsABias() {
        MainTest.Run product = run("graph", "a*b", "--set", "a=1,b=2");
        assertThat(product.out()).contains("{ a | data 1.0000 | grad 0.0000 }\", fillcolor=\"" + Dot.INPUT_COLOUR + "\"")
                .contains("{ b | data 2.0000 | grad 0.0000 }\", fillcolor=\"" + Dot.INPUT_COLOUR + "\"");
        MainTest.Run neuron = run("graph", "tanh(x1*w1 + b)", "--set", "x1=2,w1=-3,b=1");
        assertThat(neuron.out()).contains("{ b | data 1.0000 | grad 0.0000 }\", fillcolor=\"#c6dbef\"")
                .contains("{ x1 | data 2.0000 | grad 0.0000 }\", fillcolor=\"" + Dot.INPUT_COLOUR + "\"");
    }

    @Test
    void nameNamesTheOutputsBox() {
        MainTest.Run r = run("graph", "a*b", "--set", "a=1,b=2", "--name", "c", "--backward");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("{ c | data 2.0000 | grad 1.0000 }\", fillcolor=\"" + Dot.OUTPUT_COLOUR + "\"");
        assertThat(run("graph", "a*b", "--set", "a=1,b=2", "--name", " ").code()).isEqualTo(2);
    }

    @Test
    void oneRuleLimitsPicturesAndReadmeStatesIt() throws IOException {
        String sum = String.join("+", java.util.Collections.nCopies(100, "a"));
        MainTest.Run r = run("graph", sum, "--set", "a=1", "--out", dir.resolve("s.svg").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("100 values and 9702 columns").contains("boxes to lay out").contains("limited to " + Graphviz.MAX_LAYOUT)
                .contains("s.dot still works");
        String limit = String.format(java.util.Locale.ROOT, "%,d boxes", Graphviz.MAX_LAYOUT);
        for (String doc : new String[] {"README.md", "docs/cli.md"}) {
            String text = Files.readString(root().resolve(doc)).replaceAll("\\s+", " ");
            assertThat(text).as(doc).contains(limit).doesNotContain("500 values");
        }
    }

    private static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (!Files.exists(p.resolve("README.md"))) {
            p = p.getParent();
        }
        return p;
    }

    @Test
    void aWideNeuronsPngFitsAScreen() throws IOException {
        assumeTrue(Graphviz.find().available(), "Graphviz is not installed");
        StringBuilder e = new StringBuilder("tanh(");
        StringBuilder set = new StringBuilder("b=1");
        for (int i = 1; i <= 40; i++) {
            e.append(i > 1 ? " + " : "").append("x").append(i).append("*w").append(i);
            set.append(",x").append(i).append("=1,w").append(i).append("=0.5");
        }
        Path png = dir.resolve("wide.png");
        MainTest.Run r = run("graph", e.append(" + b)").toString(), "--set", set.toString(), "--out", png.toString());
        assertThat(r.code()).as(r.err()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(Math.max(image.getWidth(), image.getHeight())).isLessThanOrEqualTo(2400);
    }
}
