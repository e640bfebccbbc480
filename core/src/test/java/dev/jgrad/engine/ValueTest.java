package dev.jgrad.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTest {

    @Test
    void toStringShowsTheLabelWhenThereIsOne() {
        Value a = Value.of(1, "a");
        Value c = a.mul(Value.of(2)).named("c");
        c.backward();
        assertThat(c).hasToString("Value(c, data=2.0, grad=1.0)");
        assertThat(a.mul(3)).hasToString("Value(data=3.0, grad=0.0)");
    }

    @Test
    void multiplicationSwapsAsInThePost() {
        Value a = Value.of(1, "a");
        Value b = Value.of(2, "b");
        Value c = a.mul(b);
        assertThat(c.data()).isEqualTo(2);
        assertThat(a.grad()).isZero();
        c.backward();
        assertThat(c.grad()).isEqualTo(1);
        assertThat(a.grad()).isEqualTo(2);
        assertThat(b.grad()).isEqualTo(1);
    }

    @Test
    void twoLevelsDeepReceivingTwoFromDownstream() {
        Value x1 = Value.of(2, "x1");
        Value w1 = Value.of(3, "w1");
        Value x2 = Value.of(4, "x2");
        Value w2 = Value.of(5, "w2");
        Value h1 = x1.mul(w1).add(x2.mul(w2));
        Value out = h1.mul(2); // d out/d h1 = 2: the gradient of 2.0 flowing in from further down
        out.backward();
        assertThat(h1.data()).isEqualTo(26);
        assertThat(h1.grad()).isEqualTo(2);
        assertThat(w1.grad()).isEqualTo(4);
        assertThat(x1.grad()).isEqualTo(6);
        assertThat(w2.grad()).isEqualTo(8);
        assertThat(x2.grad()).isEqualTo(10);
    }

    @Test
    void theReadmeNeuron() {
        Value x1 = Value.of(2, "x1");
        Value w1 = Value.of(-3, "w1");
        Value x2 = Value.of(0, "x2");
        Value w2 = Value.of(1, "w2");
        Value b = Value.of(6.8813735870195432, "b");
        Value o = Value.sum(List.of(x1.mul(w1), x2.mul(w2), b)).tanh();
        o.backward();
        assertThat(o.data()).isCloseTo(Math.sqrt(0.5), offset(1e-9));
        assertThat(w1.grad()).isCloseTo(1.0, offset(1e-9));
        assertThat(x1.grad()).isCloseTo(-1.5, offset(1e-9));
        assertThat(w2.grad()).isZero();
        assertThat(x2.grad()).isCloseTo(0.5, offset(1e-9));
        assertThat(b.grad()).isCloseTo(0.5, offset(1e-9));
    }

    @Test
    void powerOfZeroHasAFiniteExponentGradient() {
        Value a = Value.of(0, "a");
        Value b = Value.of(2, "b");
        a.pow(b).backward();
        assertThat(b.grad()).isZero();
        assertThat(a.grad()).isZero();
        Value z = Value.of(0);
        z.pow(0).backward();
        z.pow(Value.of(0)).backward();
        assertThat(z.grad()).isZero();
    }

    @Test
    void microgradSanityCheck() {
        Value x = Value.of(-4.0);
        Value z = x.mul(2).add(2).add(x);
        Value q = z.relu().add(z.mul(x));
        Value h = z.mul(z).relu();
        Value y = h.add(q).add(q.mul(x));
        y.backward();
        assertThat(y.data()).isEqualTo(-20);
        assertThat(x.grad()).isEqualTo(46);
    }

    @Test
    void microgradMoreOps() {
        Value a = Value.of(-4.0);
        Value b = Value.of(2.0);
        Value c = a.add(b);
        Value d = a.mul(b).add(b.pow(3));
        c = c.add(c.add(1));
        c = c.add(Value.of(1).add(c).add(a.neg()));
        d = d.add(d.mul(2).add(b.add(a).relu()));
        d = d.add(d.mul(3).add(b.sub(a).relu()));
        Value e = c.sub(d);
        Value f = e.pow(2);
        Value g = f.div(2);
        g = g.add(Value.of(10).div(f));
        g.backward();
        assertThat(g.data()).isCloseTo(24.70408163265306, offset(1e-6));
        assertThat(a.grad()).isCloseTo(138.83381924198252, offset(1e-6));
        assertThat(b.grad()).isCloseTo(645.5772594752186, offset(1e-6));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void sharedInteriorNodeCollectsFromEveryUse(boolean productFirst) {
        Value x = Value.of(2, "x");
        Value m = x.mul(x);
        Value p = m.mul(3);
        Value out = productFirst ? p.add(m) : m.add(p);
        out.backward();
        assertThat(out.data()).isEqualTo(16);
        assertThat(x.grad()).isEqualTo(16);
    }

    @Test
    void inputsKeepArgumentOrderAndRepeats() {
        Value a = Value.of(3, "a");
        Value b = Value.of(5, "b");
        assertThat(a.mul(a).inputs()).containsExactly(a, a);
        assertThat(b.sub(a).inputs().get(0)).isSameAs(b);
        assertThat(Value.sum(List.of(b, a, b)).inputs()).containsExactly(b, a, b);
        assertThat(a.inputs()).isEmpty();
    }

    @Test
    void opNamesReadLikeTheExpression() {
        Value a = Value.of(0.5);
        Value b = Value.of(2);
        assertThat(a.add(b).op()).isEqualTo("+");
        assertThat(a.mul(b).op()).isEqualTo("*");
        assertThat(a.pow(2).op()).isEqualTo("**2");
        assertThat(a.pow(0.5).op()).isEqualTo("**0.5");
        assertThat(a.pow(b).op()).isEqualTo("**");
        assertThat(a.tanh().op()).isEqualTo("tanh");
        assertThat(a.exp().op()).isEqualTo("exp");
        assertThat(a.log().op()).isEqualTo("log");
        assertThat(a.relu().op()).isEqualTo("relu");
        assertThat(a.sigmoid().op()).isEqualTo("sigmoid");
        assertThat(Value.sum(List.of(a, b)).op()).isEqualTo("sum");
        assertThat(a.op()).isEmpty();
    }

    @Test
    void labelsAndIdentity() {
        Value a = Value.of(1, "a");
        assertThat(a.label()).isEqualTo("a");
        assertThat(Value.of(1).label()).isEmpty();
        assertThat(Value.of(1).named("w")).extracting(Value::label).isEqualTo("w");
        assertThat(Value.of(1)).isNotEqualTo(Value.of(1));
    }

    @Test
    void backwardTwiceAccumulatesAndZeroGradClears() {
        Value a = Value.of(3);
        Value b = Value.of(4);
        Value c = a.mul(b);
        c.backward();
        c.backward();
        assertThat(a.grad()).isEqualTo(8);
        assertThat(c.grad()).isEqualTo(1);
        a.zeroGrad();
        assertThat(a.grad()).isZero();
        a.setData(10);
        assertThat(a.data()).isEqualTo(10);
    }

    @Test
    void topologicalOrderPutsInputsFirstAndIsDeterministic() {
        List<List<String>> runs = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            Value x = Value.of(1, "x");
            Value y = Value.of(2, "y");
            Value s = x.add(y).named("s");
            Value t = s.mul(x).named("t");
            Value u = t.add(s).named("u");
            List<Value> order = u.topologicalOrder();
            for (int i = 0; i < order.size(); i++) {
                for (Value in : order.get(i).inputs()) {
                    assertThat(order.indexOf(in)).isLessThan(i);
                }
            }
            assertThat(order.get(order.size() - 1)).isSameAs(u);
            assertThat(order).doesNotHaveDuplicates();
            runs.add(order.stream().map(v -> v.label() + v.op()).toList());
        }
        assertThat(runs).containsOnly(runs.get(0));
        assertThat(runs.get(0)).startsWith("x", "y", "s+");
    }

    @Test
    void noGradRecordsNothing() {
        Value a = Value.of(2);
        Value inside;
        try (NoGrad scope = NoGrad.enter()) {
            assertThat(NoGrad.isRecording()).isFalse();
            inside = a.mul(a).tanh();
        }
        assertThat(NoGrad.isRecording()).isTrue();
        assertThat(inside.data()).isEqualTo(Math.tanh(4));
        assertThat(inside.inputs()).isEmpty();
        inside.backward();
        assertThat(a.grad()).isZero();
        assertThat(a.mul(a).inputs()).containsExactly(a, a);
    }

    @Test
    void anomalyModeNamesTheOpAndItsInputs() {
        Value x = Value.of(-1, "x");
        assertThat(x.log().data()).isNaN();
        assertThat(Value.of(0).log().data()).isEqualTo(Double.NEGATIVE_INFINITY);
        try (Anomaly scope = Anomaly.detect()) {
            assertThatThrownBy(x::log)
                    .isInstanceOf(ArithmeticException.class)
                    .hasMessageContaining("log").hasMessageContaining("x=-1.0");
            Value w = Value.of(0, "w");
            Value y = w.pow(0.5);
            assertThatThrownBy(y::backward)
                    .isInstanceOf(ArithmeticException.class)
                    .hasMessageContaining("**0.5").hasMessageContaining("w=0.0");
        }
        assertThat(x.log().data()).isNaN();
    }

    @ParameterizedTest
    @ValueSource(doubles = {-800, -100, -20, 0, 20, 100, 800})
    void saturatingOpsStayFinite(double x) {
        Value a = Value.of(x);
        Value t = a.tanh();
        t.backward();
        assertThat(Math.abs(t.data())).isLessThanOrEqualTo(1);
        assertThat(a.grad()).isFinite();
        Value b = Value.of(x);
        Value s = b.sigmoid();
        s.backward();
        assertThat(s.data()).isBetween(0.0, 1.0);
        assertThat(b.grad()).isFinite();
        if (Math.abs(x) == 800) {
            assertThat(t.data()).isEqualTo(Math.signum(x));
            assertThat(s.data()).isEqualTo(x > 0 ? 1.0 : 0.0);
        }
    }

    @Test
    void reluKeepsNaNAndAnomalyModeNamesIt() {
        assertThat(Value.of(Double.NaN).relu().data()).isNaN();
        assertThat(Value.of(-2).relu().data()).isZero();
        assertThat(Value.of(3).relu().data()).isEqualTo(3);
        try (Anomaly scope = Anomaly.detect()) {
            assertThatThrownBy(() -> Value.of(Double.NaN).relu()).isInstanceOf(ArithmeticException.class)
                    .hasMessageStartingWith("anomaly: relu produced NaN");
        }
    }

    @Test
    void aSecondBackwardReseedsTheOutputAndAddsEveryRuleAgain() {
        Value x = Value.of(1);
        Value y = x;
        for (int i = 0; i < 1000; i++) {
            y = y.add(Value.of(0));
        }
        y.backward();
        assertThat(x.grad()).isEqualTo(1);
        y.backward();
        assertThat(y.grad()).isEqualTo(1);
        assertThat(x.grad()).isEqualTo(1001);
    }
}
