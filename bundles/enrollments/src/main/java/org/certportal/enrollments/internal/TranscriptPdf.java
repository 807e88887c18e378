package org.certportal.enrollments.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.ProgressStep;
import org.certportal.enrollments.api.RequirementState;

/**
 * A contact's transcript as an A4 PDF: the contact, then per enrollment the program, status and
 * dates, and a table of its requirements with their state, completion date and grade.
 */
final class TranscriptPdf {
    /** One enrollment on the transcript. */
    record Entry(String program, Enrollment enrollment, List<ProgressStep> steps) {
    }

    private static final float MARGIN = 50;
    private static final float[] COLUMNS = { MARGIN, MARGIN + 22, MARGIN + 270, MARGIN + 370, MARGIN + 445 };
    /**
     * Liberation Sans, which PDFBox carries, embedded (the characters used). PDFBox's standard 14
     * fonts are not embedded: at their first use it looks for system fonts to stand in for them and
     * warns in the log about each one it has to replace.
     */
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static volatile byte[] fontFile;

    /** Text weight; bold is the regular face drawn with an outline, as the font has one face. */
    enum Weight {
        REGULAR, BOLD
    }

    private static final Weight REGULAR = Weight.REGULAR;
    private static final Weight BOLD = Weight.BOLD;

    private TranscriptPdf() {
    }

    static byte[] render(String contactName, String externalId, LocalDate printedOn, List<Entry> entries) {
        try (PDDocument document = new PDDocument(); Writer w = new Writer(document)) {
            w.line(BOLD, 18, "Transcript");
            w.gap(6);
            w.line(BOLD, 12, contactName);
            w.line(REGULAR, 10, "Identifier: " + (externalId == null ? "none" : externalId));
            w.line(REGULAR, 10, "Printed on " + printedOn);
            if (entries.isEmpty()) {
                w.gap(10);
                w.line(REGULAR, 10, "No enrollments.");
            }
            for (Entry entry : entries) {
                Enrollment e = entry.enrollment();
                w.gap(14);
                w.line(BOLD, 12, entry.program());
                w.line(REGULAR, 10, "Status: " + e.status().title() + "   Cycle " + e.cycle() + "   Rule version "
                        + e.ruleVersion());
                w.line(REGULAR, 10, "Enrolled " + e.enrolledOn() + "   Grace period begins " + e.gracePeriodBegins()
                        + "   Expires " + (e.expiresOn() == null ? "never" : e.expiresOn())
                        + (e.earnedOn() == null ? "" : "   Earned " + e.earnedOn()));
                w.gap(4);
                w.row(BOLD, "#", "Requirement", "Status", "Completed", "Grade");
                for (ProgressStep step : entry.steps()) {
                    RequirementState s = step.state();
                    w.row(REGULAR, String.valueOf(step.requirement().position()), step.requirement().title(),
                            s.status(), s.completedOn() == null ? "" : s.completedOn().toString(),
                            s.grade() == null ? "" : s.grade());
                }
            }
            w.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the transcript failed: " + e.getMessage(), e);
        }
    }

    /** Lines top to bottom, starting a new page when one is full. */
    private static final class Writer implements AutoCloseable {
        private final PDDocument document;
        private final PDFont font;
        private PDPageContentStream content;
        private float y;
        private int pages;

        Writer(PDDocument document) throws IOException {
            this.document = document;
            this.font = font(document);
            newPage();
        }

        void line(Weight weight, float size, String text) throws IOException {
            room(size + 4);
            show(weight, size, MARGIN, text, PDRectangle.A4.getWidth() - 2 * MARGIN);
        }

        void row(Weight weight, String... cells) throws IOException {
            room(13);
            for (int i = 0; i < cells.length; i++) {
                float right = i + 1 < COLUMNS.length ? COLUMNS[i + 1] - 6 : PDRectangle.A4.getWidth() - MARGIN;
                show(weight, 9, COLUMNS[i], cells[i], right - COLUMNS[i]);
            }
        }

        void gap(float points) {
            y -= points;
        }

        private void room(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
            y -= height;
        }

        private void show(Weight weight, float size, float x, String text, float width) throws IOException {
            String fitted = fit(font, size, printable(font, text == null ? "" : text), width);
            content.beginText();
            content.setFont(font, size);
            content.setRenderingMode(weight == Weight.BOLD ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
            content.setLineWidth(size / 30);
            content.newLineAtOffset(x, y);
            content.showText(fitted);
            content.endText();
        }

        private void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            pages++;
            content.beginText();
            content.setFont(font, 8);
            content.newLineAtOffset(MARGIN, MARGIN / 2);
            content.showText("Page " + pages);
            content.endText();
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        @Override
        public void close() throws IOException {
            if (content != null) {
                content.close();
                content = null;
            }
        }
    }

    /** The transcript's font, embedded in the document. */
    static PDFont font(PDDocument document) throws IOException {
        byte[] file = fontFile;
        if (file == null) {
            try (InputStream in = PDDocument.class.getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IOException("PDFBox carries no " + FONT);
                }
                file = in.readAllBytes();
            }
            fontFile = file;
        }
        return PDType0Font.load(document, new ByteArrayInputStream(file));
    }

    /** Characters the font lacks print as '?'. */
    static String printable(PDFont font, String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = Character.isISOControl(cp) ? " " : new String(Character.toChars(cp));
            try {
                font.encode(ch);
                sb.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                sb.append('?');
            }
        });
        return sb.toString();
    }

    /** Cuts text with an ellipsis (three dots) to fit the width. */
    static String fit(PDFont font, float size, String text, float width) throws IOException {
        if (font.getStringWidth(text) / 1000 * size <= width) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && font.getStringWidth(cut + "...") / 1000 * size > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "...";
    }
}
