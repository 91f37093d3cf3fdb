package io.poka.prognostics.internal.model;

/**
 * Everything that fixes a fit: window length k, RUL cap, seed, the tree models' sizes, the linear model's epochs, and
 * the 1-D CNN's epochs (at most, with early stopping after {@code cnnPatience} epochs without improvement on
 * an inner validation split by unit; 0 = no early stopping), batch size, learning rate and filters.
 */
public record RulSettings(int window, int cap, long seed, int forestTrees, int forestMaxDepth, int xgboostRounds,
        double xgboostEta, int xgboostDepth, int sgdEpochs, int cnnEpochs, int cnnBatch, double cnnLearningRate,
        int cnnFilters, int cnnPatience) {

    public RulSettings withCnnEpochs(int epochs) {
        return new RulSettings(window, cap, seed, forestTrees, forestMaxDepth, xgboostRounds, xgboostEta, xgboostDepth,
                sgdEpochs, epochs, cnnBatch, cnnLearningRate, cnnFilters, cnnPatience);
    }

    public RulSettings withTrees(int trees, int rounds) {
        return new RulSettings(window, cap, seed, trees, forestMaxDepth, rounds, xgboostEta, xgboostDepth, sgdEpochs,
                cnnEpochs, cnnBatch, cnnLearningRate, cnnFilters, cnnPatience);
    }

    public RulSettings withShape(int window, int cap) {
        return new RulSettings(window, cap, seed, forestTrees, forestMaxDepth, xgboostRounds, xgboostEta, xgboostDepth,
                sgdEpochs, cnnEpochs, cnnBatch, cnnLearningRate, cnnFilters, cnnPatience);
    }

    public java.util.Map<String, Object> asMap() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("window", window);
        m.put("cap", cap);
        m.put("seed", seed);
        m.put("forestTrees", forestTrees);
        m.put("forestMaxDepth", forestMaxDepth);
        m.put("xgboostRounds", xgboostRounds);
        m.put("xgboostEta", xgboostEta);
        m.put("xgboostDepth", xgboostDepth);
        m.put("sgdEpochs", sgdEpochs);
        m.put("cnnEpochs", cnnEpochs);
        m.put("cnnBatch", cnnBatch);
        m.put("cnnLearningRate", cnnLearningRate);
        m.put("cnnFilters", cnnFilters);
        m.put("cnnPatience", cnnPatience);
        return m;
    }
}
