package org.certportal.enrollments.internal;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Arabic letters in the contextual form their neighbours call for (isolated, initial, medial, final)
 * and lam-alef ligatures, written as Unicode presentation forms, because PDFBox draws one glyph per
 * character and does no shaping of its own. The tables come from the JDK's Unicode data: each
 * presentation form's name says which form it is, and its compatibility decomposition names the
 * letter. A letter with an initial form joins on both sides; one with only a final form joins only
 * to the letter before it. Limits: marks (harakat) are kept but not positioned, and letters without a
 * presentation form (some used only outside Arabic and Persian) stay isolated.
 */
final class ArabicShaping {
    private static final int ISOLATED = 0, FINAL = 1, INITIAL = 2, MEDIAL = 3;
    private static final String[] FORM_NAMES = { " ISOLATED FORM", " FINAL FORM", " INITIAL FORM", " MEDIAL FORM" };
    private static final char LAM = '\u0644';
    private static final char TATWEEL = '\u0640';

    /** Letter to its four forms (0 where it has none). */
    private static final Map<Character, char[]> FORMS = new HashMap<>();
    /** Alef variant after a lam to the ligature's isolated and final forms. */
    private static final Map<Character, char[]> LAM_ALEF = new HashMap<>();

    static {
        // the Arabic block's own forms first, then Persian and Urdu letters from forms-A (never overriding)
        collect(0xFE70, 0xFEFC);
        collect(0xFB50, 0xFDFF);
    }

    private ArabicShaping() {
    }

    private static void collect(int from, int to) {
        for (int cp = from; cp <= to; cp++) {
            String name = Character.getName(cp);
            if (name == null) {
                continue;
            }
            int form = formOf(name);
            if (form < 0) {
                continue;
            }
            String base = Normalizer.normalize(String.valueOf((char) cp), Normalizer.Form.NFKC);
            if (base.length() == 1 && name.startsWith("ARABIC LETTER ")) {
                char[] forms = FORMS.computeIfAbsent(base.charAt(0), c -> new char[4]);
                if (forms[form] == 0) {
                    forms[form] = (char) cp;
                }
            } else if (base.length() == 2 && base.charAt(0) == LAM && name.startsWith("ARABIC LIGATURE LAM WITH ALEF")
                    && (form == ISOLATED || form == FINAL)) {
                char[] forms = LAM_ALEF.computeIfAbsent(base.charAt(1), c -> new char[2]);
                if (forms[form] == 0) {
                    forms[form] = (char) cp;
                }
            }
        }
    }

    private static int formOf(String name) {
        for (int form = 0; form < FORM_NAMES.length; form++) {
            if (name.endsWith(FORM_NAMES[form])) {
                return form;
            }
        }
        return -1;
    }

    /** The text in logical order with its Arabic letters in presentation forms; other text unchanged. */
    static String shape(String text) {
        if (text.chars().noneMatch(c -> FORMS.containsKey((char) c))) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char[] forms = FORMS.get(c);
            if (forms == null) {
                out.append(c);
                continue;
            }
            boolean joinsBefore = joinsToNext(neighbour(text, i, -1));
            if (c == LAM && i + 1 < text.length() && LAM_ALEF.containsKey(text.charAt(i + 1))) {
                out.append(LAM_ALEF.get(text.charAt(i + 1))[joinsBefore ? FINAL : ISOLATED]);
                i++; // the alef is part of the ligature
                continue;
            }
            boolean joinsAfter = joinsToNext(c) && joinsToPrevious(neighbour(text, i, +1));
            int form = joinsBefore ? (joinsAfter ? MEDIAL : FINAL) : (joinsAfter ? INITIAL : ISOLATED);
            out.append(available(forms, form, c));
        }
        return out.toString();
    }

    /** The nearest character in the direction that is not a mark (marks do not break a join), or 0. */
    private static char neighbour(String text, int index, int step) {
        for (int i = index + step; i >= 0 && i < text.length(); i += step) {
            char c = text.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                return c;
            }
        }
        return 0;
    }

    /** Dual-joining letters (those with an initial form) and the tatweel join to the letter after them. */
    private static boolean joinsToNext(char c) {
        char[] forms = FORMS.get(c);
        return c == TATWEEL || (forms != null && forms[INITIAL] != 0);
    }

    private static boolean joinsToPrevious(char c) {
        char[] forms = FORMS.get(c);
        return c == TATWEEL || (forms != null && forms[FINAL] != 0);
    }

    /** The wanted form, or the nearest one the letter has (a medial falls back to final, an initial to isolated). */
    private static char available(char[] forms, int form, char letter) {
        if (forms[form] != 0) {
            return forms[form];
        }
        int fallback = form == MEDIAL ? FINAL : form == INITIAL ? ISOLATED : -1;
        if (fallback >= 0 && forms[fallback] != 0) {
            return forms[fallback];
        }
        return forms[ISOLATED] != 0 ? forms[ISOLATED] : letter;
    }
}
