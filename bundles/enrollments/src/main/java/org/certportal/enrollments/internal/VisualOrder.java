package org.certportal.enrollments.internal;

import java.text.Bidi;
import java.util.ArrayList;
import java.util.List;

/**
 * A line of text in the order its characters are drawn left to right: Arabic shaped, then the
 * Unicode bidirectional algorithm (java.text.Bidi) reverses right-to-left runs and orders the runs.
 * A PDF shows glyphs in the order it is given them, so right-to-left names must be reordered here.
 */
final class VisualOrder {
    private VisualOrder() {
    }

    static String of(String logical) {
        String shaped = ArabicShaping.shape(logical);
        if (!Bidi.requiresBidi(shaped.toCharArray(), 0, shaped.length())) {
            return shaped;
        }
        Bidi bidi = new Bidi(shaped, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        int count = bidi.getRunCount();
        byte[] levels = new byte[count];
        String[] runs = new String[count];
        for (int r = 0; r < count; r++) {
            levels[r] = (byte) bidi.getRunLevel(r);
            String run = shaped.substring(bidi.getRunStart(r), bidi.getRunLimit(r));
            runs[r] = (levels[r] & 1) == 1 ? reversed(run) : run;
        }
        Bidi.reorderVisually(levels, 0, runs, 0, count);
        return String.join("", runs);
    }

    /**
     * A right-to-left run reversed by character clusters (a letter with its marks stays in order, so a
     * mark is still drawn after its letter), with paired brackets mirrored.
     */
    private static String reversed(String run) {
        List<String> clusters = new ArrayList<>();
        int i = 0;
        while (i < run.length()) {
            int start = i;
            i += Character.charCount(run.codePointAt(i));
            while (i < run.length() && isMark(run.codePointAt(i))) {
                i += Character.charCount(run.codePointAt(i));
            }
            clusters.add(mirrored(run.substring(start, i)));
        }
        StringBuilder out = new StringBuilder(run.length());
        for (int c = clusters.size() - 1; c >= 0; c--) {
            out.append(clusters.get(c));
        }
        return out.toString();
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    private static String mirrored(String cluster) {
        String pairs = "()[]{}<>«»";
        int at = cluster.length() == 1 ? pairs.indexOf(cluster.charAt(0)) : -1;
        return at < 0 ? cluster : String.valueOf(pairs.charAt(at ^ 1));
    }
}
