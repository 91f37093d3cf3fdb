package io.poka.admin;

import io.poka.testing.Api;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** p chart samples of 100 units posted over the REST API, as the attribute chart browser tests prepare them. */
final class AttributeChartFixtures {
    private AttributeChartFixtures() {
    }

    /** The REST address of an attribute chart. */
    static String api(String name) {
        return "/api/v1/spc/attribute-charts/" + name;
    }

    /** One p sample: {@code count} nonconforming of 100 at {@code at}. */
    static void post(String api, int count, Instant at) {
        Api.asAdmin().body(Map.of("chartType", "P", "count", count, "size", 100, "sampledAt", at.toString()))
                .post(api + "/samples").then().statusCode(201);
    }

    /** One p sample per count, an hour apart from {@code start}. */
    static void postHourly(String api, List<Integer> counts, Instant start) {
        for (int i = 0; i < counts.size(); i++) {
            post(api, counts.get(i), start.plus(i, ChronoUnit.HOURS));
        }
    }
}
