package org.certportal.persistence.internal.shell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.persistence.api.DemoData;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

@Command(scope = "certportal", name = "demo-data", description = "Fills the database with a deterministic demo data set",
        detailedDescription = "Without sets, loads the small set of every installed feature (what a fresh portal"
                + " loads on first start). With sets (name=count, e.g. contacts=100000 enrollments=20000), creates"
                + " those counts, in the features' order. The same --seed gives the same data; a second run needs"
                + " another seed. --list shows the sets the installed features offer.")
@Service
public class DemoDataCommand implements Action {
    @Reference
    BundleContext context;

    @Option(name = "--seed", description = "random seed (default 1)")
    long seed = 1;

    @Option(name = "--list", description = "list the available sets and stop")
    boolean list;

    @Argument(name = "sets", description = "name=count pairs", multiValued = true)
    List<String> sets;

    @Override
    public Object execute() throws InvalidSyntaxException {
        List<ServiceReference<DemoData>> refs = new ArrayList<>(context.getServiceReferences(DemoData.class, null));
        List<DemoData> ordered = new ArrayList<>();
        refs.forEach(r -> ordered.add(context.getService(r)));
        ordered.sort(Comparator.comparingInt(DemoData::order));
        try {
            return run(ordered);
        } finally {
            refs.forEach(context::ungetService);
        }
    }

    Object run(List<DemoData> ordered) {
        if (list) {
            ordered.forEach(p -> System.out.printf("%-14s %s (small set: %,d)%n", p.name(), p.unit(), p.smallCount()));
            return null;
        }
        Map<String, Integer> counts = DemoSets.parse(sets, ordered.stream().map(DemoData::name).toList());
        Map<DemoData, Integer> plan = new LinkedHashMap<>();
        for (DemoData part : ordered) {
            Integer count = counts.isEmpty() ? Integer.valueOf(part.smallCount()) : counts.get(part.name());
            if (count != null && count > 0) {
                plan.put(part, count);
            }
        }
        // every part checks its count and seed before the first creates anything
        plan.forEach((part, count) -> part.check(count, seed));
        for (Map.Entry<DemoData, Integer> e : plan.entrySet()) {
            DemoData part = e.getKey();
            int count = e.getValue();
            long started = System.nanoTime();
            String summary = part.generate(count, seed);
            System.out.printf("%s (%.1f s)%n", summary, (System.nanoTime() - started) / 1e9);
        }
        return null;
    }

    /** Parsing of name=count pairs, refusing unknown names and bad counts before anything is created. */
    static final class DemoSets {
        private DemoSets() {
        }

        static Map<String, Integer> parse(List<String> sets, List<String> known) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String set : sets == null ? List.<String>of() : sets) {
                int eq = set.indexOf('=');
                String name = eq < 0 ? set : set.substring(0, eq).strip();
                if (!known.contains(name)) {
                    throw new IllegalArgumentException("Unknown demo data set '" + name + "'; installed: " + known + ".");
                }
                int count;
                try {
                    count = Integer.parseInt(eq < 0 ? "" : set.substring(eq + 1).strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Write " + name + "=<count>, e.g. " + name + "=1000.", e);
                }
                if (count < 0 || count > 10_000_000) {
                    throw new IllegalArgumentException("The count of " + name + " must be between 0 and 10,000,000.");
                }
                counts.put(name, count);
            }
            return counts;
        }
    }
}
