package org.certportal.tracking.internal.shell;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.tracking.api.TrackingService;

@Command(scope = "tracking", name = "export", description = "Writes the filtered tracking list to a CSV file",
        detailedDescription = "RFC 4180, UTF-8, with a header row; the same filters as tracking:list.")
@Service
public class ExportCommand extends FilterOptions implements Action {
    @Reference
    TrackingService tracking;

    @Option(name = "--file", description = "the CSV file to write (replaced when it exists)", required = true)
    String file;

    @Override
    public Object execute() throws Exception {
        Path path = Path.of(file).toAbsolutePath();
        if (path.getParent() != null && !Files.isDirectory(path.getParent())) {
            throw new IllegalArgumentException("There is no directory " + path.getParent() + ".");
        }
        Path partial = path.resolveSibling(path.getFileName() + ".part");
        long rows;
        try (OutputStream out = Files.newOutputStream(partial)) {
            rows = tracking.export(filter(), sort, !descending, out, n -> System.out.printf("\r%,d rows", n));
        } catch (Exception e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        // a file that is there is complete
        Files.move(partial, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("%nWrote %,d rows to %s%n", rows, path);
        return null;
    }
}
