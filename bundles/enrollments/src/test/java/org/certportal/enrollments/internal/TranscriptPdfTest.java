package org.certportal.enrollments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.ProgressStep;
import org.certportal.enrollments.api.RequirementState;
import org.certportal.programs.api.GradeType;
import org.certportal.programs.api.Requirement;
import org.certportal.programs.api.RequirementKind;
import org.junit.jupiter.api.Test;

class TranscriptPdfTest {
    private static final LocalDate ON = LocalDate.of(2025, 6, 15);

    @Test
    void listsTheContactEachProgramItsDatesAndEachRequirementWithDateAndGrade() throws IOException {
        var enrollment = Fixtures.enrollment(CertificationStatus.ACTIVE, 2, LocalDate.of(2024, 1, 10),
                LocalDate.of(2025, 1, 10), LocalDate.of(2027, 5, 1), LocalDate.of(2025, 5, 1));
        List<ProgressStep> steps = List.of(
                new ProgressStep(requirement(1, "Safety course"), new RequirementState("Complete", ON.minusDays(60), null)),
                new ProgressStep(requirement(2, "Final exam"), new RequirementState("Complete", ON.minusDays(45), "87")),
                new ProgressStep(requirement(3, "Portfolio"), RequirementState.none()));
        String text = text(TranscriptPdf.render("Ada Lovelace", "S-1815", ON,
                List.of(new TranscriptPdf.Entry("Certified Engineer (CE)", enrollment, steps))));
        for (String expected : new String[] { "Transcript", "Ada Lovelace", "Identifier: S-1815", "Printed on 2025-06-15",
            "Certified Engineer (CE)", "Status: Active", "Cycle 2", "Enrolled 2024-01-10", "Grace period begins 2025-01-10",
            "Expires 2027-05-01", "Earned 2025-05-01", "Safety course", "Complete 2025-04-16",
            "Final exam Complete 2025-05-01 87", "Portfolio No status" }) {
            assertTrue(text.contains(expected), "'" + expected + "' in:\n" + text);
        }
    }

    @Test
    void aContactWithoutEnrollmentsGetsATranscriptSayingSo() throws IOException {
        String text = text(TranscriptPdf.render("Alan Turing", null, ON, List.of()));
        assertTrue(text.contains("Identifier: none"), text);
        assertTrue(text.contains("No enrollments."), text);
    }

    @Test
    void longTranscriptsContinueOnNewPages() throws IOException {
        List<ProgressStep> steps = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            steps.add(new ProgressStep(requirement(i, "Module " + i), RequirementState.none()));
        }
        var enrollment = Fixtures.enrollment(CertificationStatus.IN_PROGRESS, 1, ON, ON.plusYears(1), ON.plusYears(1), null);
        byte[] pdf = TranscriptPdf.render("Grace Hopper", "X", ON, List.of(new TranscriptPdf.Entry("P", enrollment, steps)));
        try (PDDocument doc = PDDocument.load(pdf)) {
            assertEquals(3, doc.getNumberOfPages());
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Module 1 ") && text.contains("Module 120 "), text);
            assertTrue(text.contains("Page 3"), text);
        }
    }

    @Test
    void charactersNoFontHasPrintAsQuestionMarksAndLongTitlesAreCut() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PdfFonts fonts = new PdfFonts(document);
            assertEquals("Zoë Łukasz", PdfFonts.printed(fonts.runs("Zoë Łukasz")));
            assertEquals("a?b", PdfFonts.printed(fonts.runs("a\uDBFF\uDFFDb")), "a private-use character of plane 16");
            List<PdfFonts.Run> cut = TranscriptPdf.fit(fonts, 9, "x".repeat(500), 100);
            String printed = PdfFonts.printed(cut);
            assertTrue(printed.endsWith("...") && printed.length() < 100, printed);
            assertTrue(PdfFonts.width(cut, 9) <= 100);
        }
    }

    @Test
    void namesInAnyScriptPrintWithTheirOwnGlyphsAndReadBack() throws IOException {
        String arabic = "محمد عبد الله";
        String chinese = "王小明";
        String japanese = "山田さくら カタカナ";
        String emoji = "Ana 😀🎉";
        String latin = "Zoë Łukasz Ñúñez Ærøskøbing Şükrü Ďuríček";
        List<ProgressStep> steps = new ArrayList<>();
        int position = 1;
        for (String name : List.of(chinese, japanese, emoji, latin, arabic)) {
            steps.add(new ProgressStep(requirement(position++, name), RequirementState.none()));
        }
        var enrollment = Fixtures.enrollment(CertificationStatus.IN_PROGRESS, 1, ON, ON.plusYears(1), ON.plusYears(1), null);
        byte[] pdf = TranscriptPdf.render(arabic, "S-1", ON, List.of(new TranscriptPdf.Entry(chinese, enrollment, steps)));
        try (PDDocument doc = PDDocument.load(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            for (String expected : List.of(arabic, chinese, japanese, emoji, latin)) {
                assertTrue(text.contains(expected), "'" + expected + "' in:\n" + text);
            }
            assertTrue(text.indexOf('?') < 0, "no character printed as '?':\n" + text);
            PDResources resources = doc.getPage(0).getResources();
            int fonts = 0;
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                assertTrue(font.isEmbedded(), font.getName());
                assertTrue(font.getName().matches("[A-Z]{6}\\+.*"), "a subset: " + font.getName());
                fonts++;
            }
            assertEquals(3, fonts, "DejaVu Sans, Droid Sans Fallback and Symbola");
        }
        assertTrue(pdf.length < 150_000, "subsets, not the 8 MB of whole fonts: " + pdf.length + " bytes");
    }

    @Test
    void arabicIsShapedAndDrawnRightToLeft() {
        // meem initial, hah medial, meem medial, dal final: drawn right to left, so reversed
        assertEquals("\uFEAA\uFEE4\uFEA4\uFEE3", VisualOrder.of("محمد"));
        // lam-alef becomes one ligature; a waw joins only to the letter before it
        assertEquals("\uFEFB", ArabicShaping.shape("لا"));
        assertEquals("\uFEED", ArabicShaping.shape("و"));
        // left-to-right text around a right-to-left name keeps its place
        String line = VisualOrder.of("Name: علي (2)");
        assertTrue(line.startsWith("Name: "), line);
        assertTrue(line.contains("\uFEF2\uFEE0\uFECB"), line);
        assertEquals("Zoë Łukasz", VisualOrder.of("Zoë Łukasz"));
    }

    @Test
    void theTranscriptEmbedsItsFontSoNoReaderOrServerSubstitutesOne() throws IOException {
        byte[] pdf = TranscriptPdf.render("Łukasz Zoë", "S-1", ON, List.of());
        try (PDDocument doc = PDDocument.load(pdf)) {
            PDResources resources = doc.getPage(0).getResources();
            int fonts = 0;
            for (COSName name : resources.getFontNames()) {
                assertTrue(resources.getFont(name).isEmbedded(), name.getName());
                fonts++;
            }
            assertEquals(1, fonts);
            assertTrue(new PDFTextStripper().getText(doc).contains("Łukasz Zoë"));
        }
    }

    private static Requirement requirement(int position, String title) {
        return new Requirement(position, 100, position, title, RequirementKind.COURSE, GradeType.NONE, null, false,
                BigDecimal.ZERO, List.of());
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = PDDocument.load(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("[ \\t]+", " ");
        }
    }
}
