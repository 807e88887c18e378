package org.certportal.enrollments.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
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

    /** Text weight; bold is the regular face drawn with an outline, as each font has one face. */
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
        private final PdfFonts fonts;
        private PDPageContentStream content;
        private float y;
        private int pages;

        Writer(PDDocument document) throws IOException {
            this.document = document;
            this.fonts = new PdfFonts(document);
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
            List<PdfFonts.Run> runs = fit(fonts, size, text == null ? "" : text, width);
            content.beginText();
            content.setRenderingMode(weight == Weight.BOLD ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
            content.setLineWidth(size / 30);
            content.newLineAtOffset(x, y);
            for (PdfFonts.Run run : runs) {
                content.setFont(run.font(), size);
                content.showText(run.text());
            }
            content.endText();
        }

        private void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            pages++;
            content.beginText();
            content.setFont(fonts.main(), 8);
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

    /**
     * The text in drawing order (right-to-left names reordered, Arabic shaped) and in the fonts that
     * have its characters, cut with an ellipsis (three dots) where it is wider than the width.
     */
    static List<PdfFonts.Run> fit(PdfFonts fonts, float size, String text, float width) throws IOException {
        List<PdfFonts.Run> runs = fonts.runs(VisualOrder.of(text));
        if (PdfFonts.width(runs, size) <= width) {
            return runs;
        }
        String cut = text;
        do {
            cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
            runs = fonts.runs(VisualOrder.of(cut + "..."));
        } while (!cut.isEmpty() && PdfFonts.width(runs, size) > width);
        return runs;
    }
}
