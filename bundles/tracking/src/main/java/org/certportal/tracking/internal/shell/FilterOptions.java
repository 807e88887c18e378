package org.certportal.tracking.internal.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.certportal.tracking.api.TrackingFilter;
import org.certportal.tracking.internal.FilterQuery;

/** The Tracking page's filter as command options; the values are those of the page's URL. */
abstract class FilterOptions {
    @Option(name = "--text", description = "the start of the contact's family name or identifier")
    String text;

    @Option(name = "--program", description = "a program code; repeat or separate with commas for several",
            multiValued = true)
    @Completion(ProgramCodeCompleter.class)
    List<String> programs;

    @Option(name = "--status", description = "a status (e.g. active, expiring, admin-review); repeat for several",
            multiValued = true)
    @Completion(StatusCompleter.class)
    List<String> statuses;

    @Option(name = "--enrolled", description = "enrollment dates FROM..TO (either side may be empty)")
    String enrolled;

    @Option(name = "--earned", description = "earned dates FROM..TO")
    String earned;

    @Option(name = "--expires", description = "expiration dates FROM..TO")
    String expires;

    @Option(name = "--sort", description = "name, identifier, program, status, enrolled, earned, expires")
    String sort;

    @Option(name = "--desc", description = "sort descending")
    boolean descending;

    TrackingFilter filter() {
        Map<String, List<String>> p = new LinkedHashMap<>();
        put(p, "q", text == null ? null : List.of(text));
        put(p, "program", programs);
        put(p, "status", statuses);
        put(p, "enrolled", enrolled == null ? null : List.of(enrolled));
        put(p, "earned", earned == null ? null : List.of(earned));
        put(p, "expires", expires == null ? null : List.of(expires));
        return FilterQuery.filter(p);
    }

    private static void put(Map<String, List<String>> p, String key, List<String> values) {
        if (values != null && !values.isEmpty()) {
            p.put(key, values);
        }
    }
}
