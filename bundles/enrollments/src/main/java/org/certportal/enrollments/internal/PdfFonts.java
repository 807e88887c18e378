package org.certportal.enrollments.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts of one document: a chain bundled with this bundle (see fonts/README.txt), each tried in
 * turn for every character. A font is loaded into the document only when a character needs it, and
 * PDType0Font embeds only the glyphs used, so a Latin transcript carries one small font and a
 * Chinese name adds a few kilobytes, not the 4 MB CJK font. Characters no font has print as '?'.
 */
final class PdfFonts {
    private static final String DIRECTORY = "/org/certportal/enrollments/internal/fonts/";
    /** Latin, Greek, Cyrillic, Arabic, Hebrew; then CJK; then monochrome emoji and symbols. */
    private static final List<String> CHAIN = List.of("DejaVuSans.ttf", "DroidSansFallbackFull.ttf", "Symbola.ttf");
    private static final Map<String, byte[]> FILES = new ConcurrentHashMap<>();
    private static final int MISSING = '?';

    /** Text drawn in one font. */
    record Run(PDFont font, String text) {
    }

    private final PDDocument document;
    private final PDFont[] loaded = new PDFont[CHAIN.size()];
    /** Code point to the index of the first font in the chain that has it, -1 for none. */
    private final Map<Integer, Integer> fontOf = new HashMap<>();

    PdfFonts(PDDocument document) {
        this.document = document;
    }

    /** The first font of the chain, for text known to be plain Latin. */
    PDFont main() throws IOException {
        return font(0);
    }

    /** The text (in drawing order) split into runs of the font that draws each character. */
    List<Run> runs(String text) throws IOException {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int currentFont = -1;
        for (int i = 0; i < text.length();) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp)) {
                cp = ' ';
            }
            int index = indexOf(cp);
            if (index < 0) {
                cp = MISSING;
                index = 0;
            }
            if (index != currentFont && current.length() > 0) {
                runs.add(new Run(font(currentFont), current.toString()));
                current.setLength(0);
            }
            currentFont = index;
            current.appendCodePoint(cp);
        }
        if (current.length() > 0) {
            runs.add(new Run(font(currentFont), current.toString()));
        }
        return runs;
    }

    /** The width of the runs in points at this font size. */
    static float width(List<Run> runs, float size) throws IOException {
        float width = 0;
        for (Run run : runs) {
            width += run.font().getStringWidth(run.text()) / 1000 * size;
        }
        return width;
    }

    /** The text as printed: each character, or '?' where no font has it. */
    static String printed(List<Run> runs) {
        StringBuilder sb = new StringBuilder();
        runs.forEach(r -> sb.append(r.text()));
        return sb.toString();
    }

    private int indexOf(int cp) throws IOException {
        Integer known = fontOf.get(cp);
        if (known != null) {
            return known;
        }
        int found = -1;
        String ch = new String(Character.toChars(cp));
        for (int i = 0; i < CHAIN.size() && found < 0; i++) {
            try {
                font(i).encode(ch);
                found = i;
            } catch (IllegalArgumentException | IOException noGlyph) {
                // not in this font: try the next
            }
        }
        fontOf.put(cp, found);
        return found;
    }

    private PDFont font(int index) throws IOException {
        if (loaded[index] == null) {
            loaded[index] = PDType0Font.load(document, new ByteArrayInputStream(file(CHAIN.get(index))));
        }
        return loaded[index];
    }

    private static byte[] file(String name) throws IOException {
        byte[] bytes = FILES.get(name);
        if (bytes == null) {
            try (InputStream in = PdfFonts.class.getResourceAsStream(DIRECTORY + name)) {
                if (in == null) {
                    throw new IOException("The bundle carries no font " + DIRECTORY + name);
                }
                bytes = in.readAllBytes();
            }
            FILES.put(name, bytes);
        }
        return bytes;
    }
}
