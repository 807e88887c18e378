package org.certportal.credentials.internal.shell;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.credentials.api.AwardedCredential;
import org.certportal.credentials.api.CredentialService;
import org.certportal.credentials.internal.NumberList;
import org.certportal.credentials.internal.RevokeProcess;
import org.certportal.process.api.ParameterDefinition;
import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.ProcessService;
import org.certportal.process.api.RunOptions;

@Command(scope = "credentials", name = "revoke", description = "Revokes awarded credentials with a reason",
        detailedDescription = "credentials:revoke --reason R [--dry-run] NUMBER...\n"
                + "credentials:revoke --reason R [--dry-run] --file FILE\n"
                + "One number is revoked at once. Several, or a file (one or more numbers per line, separated by"
                + " commas or spaces; an optional header credential_number), run the process credentials.revoke and"
                + " wait for it; --dry-run previews and changes nothing. Every number is checked first: a wrong"
                + " check digit is named by its line and nothing is revoked. Documents not yet printed are"
                + " cancelled.")
@Service
public class RevokeCommand implements Action {
    @Reference
    CredentialService credentials;

    @Reference
    ProcessService processes;

    @Option(name = "--reason", required = true, description = "why: kept with each credential")
    String reason;

    @Option(name = "--file", description = "a file of credential numbers")
    String file;

    @Option(name = "--dry-run", description = "preview: say what would be revoked, change nothing")
    boolean dryRun;

    @Argument(index = 0, name = "NUMBER", multiValued = true, description = "credential numbers")
    List<String> numbers;

    @Override
    public Object execute() throws Exception {
        if ((numbers == null || numbers.isEmpty()) == (file == null)) {
            throw new IllegalArgumentException("Give the credential numbers or --file FILE (one of them).");
        }
        String text;
        if (file != null) {
            Path path = Path.of(file);
            if (!Files.isReadable(path)) {
                throw new IllegalArgumentException("Cannot read the file " + path.toAbsolutePath() + ".");
            }
            text = Files.readString(path, StandardCharsets.UTF_8);
        } else {
            text = String.join("\n", numbers);
        }
        NumberList list = NumberList.parse(text);
        if (!list.ok()) {
            list.errors().forEach(System.out::println);
            System.out.println("Nothing was revoked: correct the numbers above.");
            return null;
        }
        if (list.numbers().size() == 1 && file == null && !dryRun) {
            AwardedCredential c = credentials.revoke(list.numbers().get(0), reason);
            System.out.println("Revoked " + c.number() + " (" + c.studentName() + "): " + c.statusReason());
            return null;
        }
        for (List<String> batch : batches(list.numbers())) {
            long id = processes.start(CredentialService.REVOKE_PROCESS, Map.of(RevokeProcess.NUMBERS,
                    String.join(",", batch), RevokeProcess.REASON, reason), dryRun ? RunOptions.preview()
                            : RunOptions.run());
            ProcessRun r = Runs.await(processes, id, "numbers");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            processes.writeResultFile(id, RevokeProcess.FILE, out);
            for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(new StringReader(out.toString(StandardCharsets.UTF_8)))) {
                System.out.println(rec.get("credential_number") + "  " + rec.get("outcome") + "  "
                        + rec.get("student_name") + "  " + rec.get("reason"));
            }
            System.out.printf("%s %d: %d %s, %d refused, %d not found%n", dryRun ? "Preview" : "Run", id, r.done(),
                    dryRun ? "would be revoked" : "revoked", r.skipped(), r.failed());
        }
        return null;
    }

    /** The numbers in runs whose parameter fits the engine's limit (about 45 numbers a run). */
    static List<List<String>> batches(List<String> numbers) {
        List<List<String>> batches = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int length = 0;
        for (String n : numbers) {
            if (!current.isEmpty() && length + 1 + n.length() > ParameterDefinition.MAX_LENGTH) {
                batches.add(current);
                current = new ArrayList<>();
                length = 0;
            }
            length += (current.isEmpty() ? 0 : 1) + n.length();
            current.add(n);
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }
}
