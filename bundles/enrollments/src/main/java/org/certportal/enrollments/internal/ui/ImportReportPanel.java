package org.certportal.enrollments.internal.ui;

import org.certportal.enrollments.api.ImportReport;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;

/** What an import of applications did: the counts in a sentence, and each bad line with its reason. */
class ImportReportPanel extends Div {
    private static final long serialVersionUID = 1L;
    final Paragraph summary = new Paragraph();
    final UnorderedList errors = new UnorderedList();

    ImportReportPanel() {
        setId("applications-import-report");
        summary.setId("applications-import-summary");
        errors.setId("applications-import-errors");
        add(summary, errors);
        setVisible(false);
    }

    void show(ImportReport report) {
        errors.removeAll();
        if (report.ok()) {
            summary.setText("Imported " + report.imported() + " application" + (report.imported() == 1 ? "" : "s")
                    + " of " + report.rows() + " row" + (report.rows() == 1 ? "" : "s") + ".");
            summary.getStyle().remove("color");
        } else {
            // not a count of the list: it names at most 1,000 bad rows and ends with the true total
            summary.setText("The file of " + report.rows() + " row" + (report.rows() == 1 ? "" : "s") + " cannot be"
                    + " imported as it is; nothing was imported. Fix these lines and upload the file again:");
            summary.getStyle().set("color", "var(--lumo-error-text-color)");
            report.errors().forEach(e -> errors.add(new ListItem(e)));
        }
        setVisible(true);
    }

    /** A file that could not be read at all. */
    void failed(String sentence) {
        errors.removeAll();
        summary.setText(sentence);
        summary.getStyle().set("color", "var(--lumo-error-text-color)");
        setVisible(true);
    }
}
