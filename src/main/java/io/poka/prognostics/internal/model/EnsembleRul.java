package io.poka.prognostics.internal.model;

import ai.djl.Device;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The mean of the 1-D CNN and XGBoost: the two make different errors (raw sequence vs window summaries), so their
 * average is steadier than either, as usual for ensembles of unlike models.
 */
public final class EnsembleRul implements FittedRul {
    public static final String KIND = "ensemble";
    static final List<String> MEMBERS = List.of(CnnRul.KIND, TribuoRul.XGBOOST);

    private final List<FittedRul> members;

    private EnsembleRul(List<FittedRul> members) {
        this.members = members;
    }

    public static EnsembleRul fit(List<UnitHistory> train, List<String> sensors, RulSettings s, Device device,
            IntConsumer epochDone) {
        List<FittedRul> members = new ArrayList<>();
        members.add(CnnRul.fit(train, s, device, epochDone));
        members.add(TribuoRul.fit(TribuoRul.XGBOOST, train, sensors, s));
        return new EnsembleRul(members);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public double[] predict(List<RulWindow> windows) {
        double[] sum = new double[windows.size()];
        for (FittedRul m : members) {
            double[] p = m.predict(windows);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += p[i] / members.size();
            }
        }
        return sum;
    }

    @Override
    public byte[] bytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(members.size());
            for (FittedRul m : members) {
                byte[] b = m.bytes();
                out.writeUTF(m.kind());
                out.writeInt(b.length);
                out.write(b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static EnsembleRul load(byte[] bytes, int window, List<String> sensors, Device device) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int n = in.readInt();
            List<FittedRul> members = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String kind = in.readUTF();
                byte[] b = in.readNBytes(in.readInt());
                members.add(RulModels.load(kind, b, window, sensors, device));
            }
            return new EnsembleRul(members);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Provenance of the members: Tribuo's for XGBoost. */
    public String provenance() {
        return members.stream().filter(m -> m instanceof TribuoRul).map(m -> ((TribuoRul) m).provenance()).findFirst()
                .orElse("");
    }

    @Override
    public void close() {
        members.forEach(FittedRul::close);
    }
}
