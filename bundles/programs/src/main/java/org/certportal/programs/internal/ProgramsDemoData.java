package org.certportal.programs.internal;

import java.time.LocalDate;

import org.certportal.persistence.api.DemoData;
import org.certportal.programs.api.Program;
import org.certportal.programs.api.ProgramService;
import org.certportal.programs.api.ProgramStatus;
import org.certportal.programs.api.Requirement;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Demo programs created and activated through the service like any others (so the caller needs programs.edit). */
@Component
public class ProgramsDemoData implements DemoData {
    private final ProgramService programs;

    @Activate
    public ProgramsDemoData(@Reference ProgramService programs) {
        this.programs = programs;
    }

    @Override
    public String name() {
        return "programs";
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public String unit() {
        return "programs";
    }

    @Override
    public int smallCount() {
        return 5;
    }

    @Override
    public String generate(int count, long seed) {
        int created = 0;
        for (DemoPrograms.DemoProgram demo : DemoPrograms.generate(count, seed, LocalDate.now())) {
            Program p = programs.create(demo.program());
            for (int i = 0; i < demo.requirements().size(); i++) {
                Requirement r = programs.addRequirement(p.id(), demo.requirements().get(i));
                demo.offerings().get(i).forEach(o -> programs.addOffering(r.id(), o));
            }
            long version = programs.find(p.id()).orElseThrow().version();
            programs.changeStatus(p.id(), version, ProgramStatus.ACTIVE);
            created++;
        }
        return String.format("Created %,d demo programs, all active", created);
    }
}
