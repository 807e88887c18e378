package org.certportal.accounting.internal.shell;

import java.util.Locale;

import org.certportal.accounting.api.AccountingService;
import org.certportal.accounting.api.Batch;
import org.certportal.persistence.api.PageRequest;

/** A batch named on the command line by its number or its name (any case). */
final class BatchArgument {
    private BatchArgument() {
    }

    static Batch find(AccountingService accounting, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Name a batch by its number or name (see accounting:batches).");
        }
        String s = text.strip();
        if (s.matches("\\d{1,18}")) {
            return accounting.findBatch(Long.parseLong(s)).orElseThrow(() -> new IllegalArgumentException(
                    "There is no batch " + s + " (see accounting:batches)."));
        }
        return accounting.batches(null, s, PageRequest.first(PageRequest.MAX_LIMIT)).items().stream()
                .filter(b -> b.name().toLowerCase(Locale.ROOT).equals(s.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("There is no batch named '" + s
                        + "' (see accounting:batches)."));
    }
}
