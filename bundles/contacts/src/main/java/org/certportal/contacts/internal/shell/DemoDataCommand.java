package org.certportal.contacts.internal.shell;

import java.time.LocalDate;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.contacts.api.ContactService;
import org.certportal.contacts.internal.DemoContacts;

@Command(scope = "certportal", name = "demo-data", description = "Fills the database with deterministic demo contacts",
        detailedDescription = "Creates --contacts N realistic contacts from --seed S (the same seed gives the same"
                + " people; identifiers D<seed>-<n>, so a second run needs another seed).")
@Service
public class DemoDataCommand implements Action {
    @Reference
    ContactService contacts;

    @Option(name = "--contacts", description = "how many contacts (default 1000)")
    int count = 1000;

    @Option(name = "--seed", description = "random seed (default 1)")
    long seed = 1;

    @Override
    public Object execute() {
        long started = System.nanoTime();
        int created = contacts.createAll(DemoContacts.generate(count, seed, LocalDate.now()));
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Created %,d demo contacts in %.1f s (%,.0f rows/s)%n", created, seconds,
                seconds == 0 ? 0 : created / seconds);
        return null;
    }
}
