package io.poka.spc.internal.chart;

import io.poka.spc.internal.QccDataSets;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Reproduces the outputs printed in the qcc vignette "A quick tour of qcc" (L. Scrucca; luca-scr/qcc,
 * docs/articles/qcc_a_quick_tour.html) for the same data.
 */
class ShewhartChartsQccReferenceTest {

    static List<Subgroup> pistonrings(int from, int to) {
        List<Subgroup> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(Subgroup.of(QccDataSets.PISTONRINGS[i]));
        }
        return out;
    }

    static ChartPoint first(ChartMonitor<Subgroup> m, Subgroup s) {
        return m.next(0, s).orElseThrow();
    }

    @Test
    void xbarChartOfPistonringsPhaseOneMatchesQcc() {
        // qcc(diameter[1:25,], type="xbar"): center 74.00118, std.dev 0.009785039, LCL 73.98805, UCL 74.0143
        XbarR family = new XbarR();
        List<ControlLimits> limits = family.estimate(pistonrings(0, 25));
        ControlLimits x = limits.get(0);
        assertEquals(74.00118, x.center(), 0.000005);
        assertEquals(0.009785039, x.sigma(), 1e-9);
        ChartPoint p = first(family.monitors(limits).get(0), pistonrings(25, 26).get(0));
        assertEquals(73.98805, p.lcl(), 0.000005);
        assertEquals(74.0143, p.ucl(), 0.00001);
    }

    @Test
    void rangeChartOfPistonringsMatchesQcc() {
        // qcc(diameter[1:25,], type="R"): center 0.02276, LCL 0, UCL 0.04812533. qcc uses d3 to more digits than
        // the 3-decimal table (0.864), hence the 1e-5 tolerance on UCL.
        XbarR family = new XbarR();
        List<ControlLimits> limits = family.estimate(pistonrings(0, 25));
        ChartPoint p = first(family.monitors(limits).get(1), pistonrings(0, 1).get(0));
        assertEquals(0.02276, p.center(), 1e-9);
        assertEquals(0, p.lcl(), 0);
        assertEquals(0.04812533, p.ucl(), 1e-5);
    }

    @Test
    void sChartOfPistonringsUsesSbarOverC4LikeQcc() {
        // qcc(diameter[1:25,], type="S"): center 0.009240037, std.dev 0.009829977, LCL 0, UCL 0.01930242
        XbarS family = new XbarS();
        List<ControlLimits> limits = family.estimate(pistonrings(0, 25));
        assertEquals(0.009829977, limits.get(0).sigma(), 1e-9);
        ChartPoint p = first(family.monitors(limits).get(1), pistonrings(0, 1).get(0));
        assertEquals(0.009240037, p.center(), 1e-9);
        assertEquals(0, p.lcl(), 0);
        assertEquals(0.01930242, p.ucl(), 1e-8);
    }

    @Test
    void individualsChartOfViscosityMatchesQccXbarOne() {
        // qcc(x, type="xbar.one"): center 33.52333, std.dev 0.4261651, LCL 32.24484, UCL 34.80183
        List<Double> x = Arrays.stream(QccDataSets.VISCOSITY).boxed().toList();
        IndividualsMovingRange family = new IndividualsMovingRange();
        List<ControlLimits> limits = family.estimate(x);
        assertEquals(33.52333, limits.get(0).center(), 0.000005);
        assertEquals(0.4261651, limits.get(0).sigma(), 1e-7);
        ChartPoint p = family.monitors(limits).get(0).next(0, x.get(0)).orElseThrow();
        assertEquals(32.24484, p.lcl(), 0.000005);
        assertEquals(34.80183, p.ucl(), 0.000005);
    }

    @Test
    void movingRangeChartHasNoPointForTheFirstValueAndUcl3267MrBar() {
        List<Double> x = Arrays.stream(QccDataSets.VISCOSITY).boxed().toList();
        IndividualsMovingRange family = new IndividualsMovingRange();
        List<ControlLimits> limits = family.estimate(x);
        ChartMonitor<Double> mr = family.monitors(limits).get(1);
        assertEquals(true, mr.next(0, x.get(0)).isEmpty());
        ChartPoint p = mr.next(1, x.get(1)).orElseThrow();
        assertEquals(Math.abs(x.get(1) - x.get(0)), p.value(), 1e-12);
        assertEquals(3.267 * limits.get(1).center(), p.ucl(), 0.002 * limits.get(1).center());
        assertEquals(0, p.lcl(), 0);
    }

    static List<AttributeSample> orangejuiceTrial() {
        List<AttributeSample> out = new ArrayList<>();
        for (int i = 0; i < QccDataSets.ORANGEJUICE_TRIAL_SAMPLES; i++) {
            out.add(new AttributeSample(QccDataSets.ORANGEJUICE_NONCONFORMING[i],
                    QccDataSets.ORANGEJUICE_SAMPLE_SIZE));
        }
        return out;
    }

    static List<AttributeSample> circuitTrial() {
        List<AttributeSample> out = new ArrayList<>();
        for (int i = 0; i < QccDataSets.CIRCUIT_TRIAL_SAMPLES; i++) {
            out.add(new AttributeSample(QccDataSets.CIRCUIT_NONCONFORMITIES[i], QccDataSets.CIRCUIT_UNIT_SIZE));
        }
        return out;
    }

    static ChartPoint attributePoint(ChartType type, List<ControlLimits> limits, AttributeSample s) {
        return new AttributeChart(type).monitors(limits).get(0).next(0, s).orElseThrow();
    }

    @Test
    void pChartOfOrangejuiceTrialMatchesQcc() {
        // qcc(D[trial], sizes=size[trial], type="p"): center 0.2313333, LCL 0.05242755, UCL 0.4102391
        List<AttributeSample> trial = orangejuiceTrial();
        List<ControlLimits> limits = new AttributeChart(ChartType.P).estimate(trial);
        ChartPoint p = attributePoint(ChartType.P, limits, trial.get(0));
        assertEquals(0.2313333, p.center(), 5e-8);
        assertEquals(0.05242755, p.lcl(), 5e-9);
        assertEquals(0.4102391, p.ucl(), 5e-8);
    }

    @Test
    void npChartOfOrangejuiceTrialMatchesQcc() {
        // qcc(D[trial], sizes=size[trial], type="np"): center 11.56667, LCL 2.621377, UCL 20.51196
        List<AttributeSample> trial = orangejuiceTrial();
        List<ControlLimits> limits = new AttributeChart(ChartType.NP).estimate(trial);
        ChartPoint p = attributePoint(ChartType.NP, limits, trial.get(0));
        assertEquals(11.56667, p.center(), 5e-6);
        assertEquals(2.621377, p.lcl(), 5e-7);
        assertEquals(20.51196, p.ucl(), 5e-6);
    }

    @Test
    void pChartWithSamples15And23ExcludedForAssignableCauseMatchesQcc() {
        // qcc vignette drops samples 15 and 23 (help(orangejuice) gives the causes): center 0.215,
        // LCL 0.04070284, UCL 0.3892972
        PhaseOneStudy.Result r = PhaseOneStudy.estimate(new AttributeChart(ChartType.P), orangejuiceTrial(),
                Set.of(14, 22), false, 1);
        ChartPoint p = attributePoint(ChartType.P, r.limits(), orangejuiceTrial().get(0));
        assertEquals(0.215, p.center(), 1e-12);
        assertEquals(0.04070284, p.lcl(), 5e-9);
        assertEquals(0.3892972, p.ucl(), 5e-8);
    }

    @Test
    void iteratingPhaseOneOnOrangejuiceAlsoDropsSample21WhichExceedsTheRevisedUcl() {
        // First pass flags samples 15 and 23 (0.44, 0.48 > 0.4102). Against the revised UCL 0.3893 sample 21
        // (20/50 = 0.40) is beyond too; Montgomery keeps it for lack of an assignable cause, blind iteration does not.
        PhaseOneStudy.Result r = PhaseOneStudy.estimate(new AttributeChart(ChartType.P), orangejuiceTrial(),
                Set.of(), true, 10);
        assertEquals(Set.of(14, 22, 20), r.excluded());
    }

    @Test
    void cChartOfCircuitTrialMatchesQcc() {
        // qcc(x[trial], sizes=size[trial], type="c"): center 19.84615, LCL 6.481447, UCL 33.21086
        List<ControlLimits> limits = new AttributeChart(ChartType.C).estimate(circuitTrial());
        ChartPoint p = attributePoint(ChartType.C, limits, circuitTrial().get(0));
        assertEquals(19.84615, p.center(), 5e-6);
        assertEquals(6.481447, p.lcl(), 5e-7);
        assertEquals(33.21086, p.ucl(), 5e-6);
    }

    @Test
    void iteratedPhaseOneOnCircuitExcludesSamples6And20AndMatchesQccRevisedLimits() {
        // qcc vignette after dropping samples 6 and 20: center 19.66667, LCL 6.362532, UCL 32.9708
        PhaseOneStudy.Result r = PhaseOneStudy.estimate(new AttributeChart(ChartType.C), circuitTrial(),
                Set.of(), true, 10);
        assertEquals(Set.of(5, 19), r.excluded());
        assertEquals(2, r.passes());
        ChartPoint p = attributePoint(ChartType.C, r.limits(), circuitTrial().get(0));
        assertEquals(19.66667, p.center(), 5e-6);
        assertEquals(6.362532, p.lcl(), 5e-7);
        assertEquals(32.9708, p.ucl(), 5e-5);
    }

    @Test
    void uChartOfCircuitWithoutSamples6And20MatchesQcc() {
        // qcc(..., type="u"): center 0.1966667, LCL 0.06362532, UCL 0.329708
        PhaseOneStudy.Result r = PhaseOneStudy.estimate(new AttributeChart(ChartType.U), circuitTrial(),
                Set.of(5, 19), false, 1);
        ChartPoint p = attributePoint(ChartType.U, r.limits(), circuitTrial().get(0));
        assertEquals(0.1966667, p.center(), 5e-8);
        assertEquals(0.06362532, p.lcl(), 5e-9);
        assertEquals(0.329708, p.ucl(), 5e-7);
    }

    @Test
    void pChartLimitsWidenForASmallerSample() {
        List<ControlLimits> limits = List.of(ControlLimits.entered(ChartType.P, 1, 0.2, Double.NaN, 0, 3));
        ChartPoint n100 = attributePoint(ChartType.P, limits, new AttributeSample(20, 100));
        ChartPoint n25 = attributePoint(ChartType.P, limits, new AttributeSample(5, 25));
        assertEquals(0.2 + 3 * Math.sqrt(0.2 * 0.8 / 100), n100.ucl(), 1e-12);
        assertEquals(0.2 + 3 * Math.sqrt(0.2 * 0.8 / 25), n25.ucl(), 1e-12);
        assertEquals(0, n25.lcl(), 0);
    }

    @Test
    void pistonringsPhaseOneIsInControlSoIterationStopsAfterOnePass() {
        PhaseOneStudy.Result r = PhaseOneStudy.estimate(new XbarR(), pistonrings(0, 25), Set.of(), true, 10);
        assertEquals(Set.of(), r.excluded());
        assertEquals(1, r.passes());
    }

    @Test
    void frozenPistonringsLimitsFlagSubgroups37To39InPhaseTwo() {
        // Phase II means of subgroups 37, 38, 39 are 74.0166, 74.0196, 74.0234, above the frozen UCL 74.0143
        // (computed from the data; qcc's phase II summary prints the same maximum, 74.02340).
        List<ControlLimits> limits = new XbarR().estimate(pistonrings(0, 25));
        ChartMonitor<Subgroup> xbar = new XbarR().monitors(limits).get(0);
        List<Integer> beyond = new ArrayList<>();
        List<Subgroup> phaseTwo = pistonrings(25, 40);
        for (int i = 0; i < phaseTwo.size(); i++) {
            if (xbar.next(26 + i, phaseTwo.get(i)).orElseThrow().beyondLimits()) {
                beyond.add(26 + i);
            }
        }
        assertEquals(List.of(37, 38, 39), beyond);
    }

    @Test
    void limitsEnteredFromAStudyCarryTheirOriginAndVersion() {
        ControlLimits entered = ControlLimits.entered(ChartType.XBAR, 4, 74.0, 0.01, 5, 3);
        assertEquals(LimitsOrigin.ENTERED_FROM_STUDY, entered.origin());
        assertEquals(4, entered.version());
        ChartPoint p = ShewhartLimits.point(entered, 0, 74.0, 5);
        assertEquals(74.0 + 3 * 0.01 / Math.sqrt(5), p.ucl(), 1e-12);
        assertEquals(LimitsOrigin.PHASE_I_ESTIMATE, new XbarR().estimate(pistonrings(0, 25)).get(0).origin());
    }

    @Test
    void sChartLimitsFollowEachSubgroupsOwnSize() {
        // σ = 0.01: center c4(n)σ, UCL = c4(n)σ + 3σ sqrt(1 - c4(n)²); for n = 5 that is B4 = 2.089 times S-bar
        List<ControlLimits> limits = List.of(ControlLimits.entered(ChartType.XBAR, 1, 74, 0.01, 0, 3),
                ControlLimits.entered(ChartType.STDDEV, 1, Double.NaN, 0.01, 0, 3));
        ChartMonitor<Subgroup> s = new XbarS().monitors(limits).get(1);
        ChartPoint five = s.next(0, Subgroup.of(1, 2, 3, 4, 5)).orElseThrow();
        ChartPoint three = s.next(1, Subgroup.of(1, 2, 3)).orElseThrow();
        double c4five = ControlChartConstants.c4Exact(5);
        assertEquals(c4five * 0.01, five.center(), 1e-15);
        assertEquals(ControlChartConstants.b4(5) * five.center(), five.ucl(), 0.001 * five.center());
        assertEquals(ControlChartConstants.c4Exact(3) * 0.01, three.center(), 1e-15);
        assertEquals(ControlChartConstants.b4(3) * three.center(), three.ucl(), 0.001 * three.center());
        assertEquals(0, three.lcl(), 0);
    }

    @Test
    void xbarSWithUnequalSizesWeightsTheGrandMeanBySize() {
        List<ControlLimits> limits = new XbarS().estimate(List.of(Subgroup.of(1, 2, 3), Subgroup.of(4, 5, 6, 7, 8)));
        assertEquals((6 + 30) / 8.0, limits.get(0).center(), 1e-12);
        assertEquals(0, limits.get(0).subgroupSize());
        double sigma = (1 / ControlChartConstants.c4Exact(3) + Math.sqrt(2.5) / ControlChartConstants.c4Exact(5)) / 2;
        assertEquals(sigma, limits.get(0).sigma(), 1e-12);
    }
}
