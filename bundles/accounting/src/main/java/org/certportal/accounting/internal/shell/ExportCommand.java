package org.certportal.accounting.internal.shell;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.accounting.api.AccountingService;
import org.certportal.accounting.api.Batch;

@Command(scope = "accounting", name = "export", description = "Writes a batch's orders to a CSV file",
        detailedDescription = "accounting:export --batch B --file FILE: B is the batch's number or name; the file is"
                + " RFC 4180 CSV with a header, in UTF-8; an existing file is not overwritten.")
@Service
public class ExportCommand implements Action {
    @Reference
    AccountingService accounting;

    @Option(name = "--batch", description = "the batch's number or name", required = true)
    String batch;

    @Option(name = "--file", description = "the CSV file to write (must not exist)", required = true)
    String file;

    @Override
    public Object execute() throws IOException {
        Path path = Paths.get(file).toAbsolutePath();
        if (Files.exists(path)) {
            throw new IllegalArgumentException(path + " exists already: name a new file.");
        }
        if (path.getParent() == null || !Files.isDirectory(path.getParent())) {
            throw new IllegalArgumentException("There is no folder " + path.getParent() + ".");
        }
        Batch b = BatchArgument.find(accounting, batch);
        try (Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            accounting.exportBatch(b.id(), out);
        }
        System.out.printf("Batch %d, %s, written to %s.%n", b.id(), b.name(), path);
        return null;
    }
}
