package org.certportal.programs.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.certportal.audit.api.AuditLog;
import org.certportal.audit.api.Changes;
import org.certportal.persistence.api.JdbcStatements;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.persistence.api.SchemaMigrator;
import org.certportal.programs.api.Offering;
import org.certportal.programs.api.OfferingDraft;
import org.certportal.programs.api.Program;
import org.certportal.programs.api.ProgramDraft;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.ProgramPermissions;
import org.certportal.programs.api.ProgramRules;
import org.certportal.programs.api.ProgramService;
import org.certportal.programs.api.ProgramStatus;
import org.certportal.programs.api.ProgramSummary;
import org.certportal.programs.api.ProgramUsage;
import org.certportal.programs.api.Requirement;
import org.certportal.programs.api.RequirementDraft;
import org.certportal.programs.api.RuleChangeImpact;
import org.certportal.security.api.Caller;
import org.certportal.security.api.SecurityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Programs in the portal database, through Aries JPA. Every change locks the program's row, so
 * rule changes of one program happen one after the other and each sees the rule version the last
 * one left. A rule change rewrites the current version's snapshot while nobody is judged by it,
 * and starts a new version otherwise. Immediate: the schema is migrated when the bundle starts.
 */
@Component(immediate = true)
public class ProgramServiceImpl implements ProgramService {
    static final String CHANGELOG = "db/programs.changelog.xml";
    static final String AUDIT_TYPE = "program";
    private static final Map<String, String> SORTS = Map.of(SORT_NAME, "p.nameKey", SORT_CODE, "p.codeKey",
            SORT_STATUS, "p.status");

    private final JpaTemplate jpa;
    private final SecurityService security;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    /** The enrollments bundle, when installed; without it nobody is enrolled anywhere. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ProgramUsage usage;

    @Activate
    public ProgramServiceImpl(@Reference(target = "(osgi.unit.name=certportal-programs)") JpaTemplate jpa,
            @Reference SecurityService security, @Reference SchemaMigrator migrator, @Reference AuditLog audit) {
        migrator.migrate(ProgramServiceImpl.class, CHANGELOG);
        this.jpa = jpa;
        this.security = security;
        this.audit = audit;
    }

    @Override
    public Program create(ProgramDraft draft) {
        security.require(ProgramPermissions.EDIT);
        ProgramDraft checked = ProgramInput.program(draft);
        return jpa.txExpr(TransactionType.Required, em -> {
            refuseTakenCode(em, checked.code(), null);
            ProgramEntity p = new ProgramEntity(checked, clock.instant());
            em.persist(p);
            em.flush();
            em.persist(new RuleVersionEntity(p.id(), p.ruleVersion(), RuleSnapshot.write(p.options(), List.of()),
                    clock.instant(), actor()));
            Program created = p.toProgram(List.of());
            audit.record(em, AUDIT_TYPE, created.id(), "created", changes(null, created));
            return created;
        });
    }

    @Override
    public RuleChangeImpact previewUpdate(long programId, ProgramDraft draft) {
        security.require(ProgramPermissions.EDIT);
        ProgramDraft checked = ProgramInput.program(draft);
        return jpa.txExpr(TransactionType.Required, em -> {
            ProgramEntity p = program(em, programId, LockModeType.NONE);
            return impact(p, rulesDiffer(p.options(), checked.options()));
        });
    }

    @Override
    public Program update(long programId, long expectedVersion, ProgramDraft draft) {
        security.require(ProgramPermissions.EDIT);
        ProgramDraft checked = ProgramInput.program(draft);
        return jpa.txExpr(TransactionType.Required, em -> {
            ProgramEntity p = editable(em, programId);
            if (p.version() != expectedVersion) {
                throw new ConcurrentModificationException("The program was changed by someone else since you"
                        + " opened it; reload it and make your change again.");
            }
            refuseTakenCode(em, checked.code(), programId);
            Program before = p.toProgram(List.of());
            String rulesBefore = snapshot(em, p);
            p.apply(checked);
            changeRules(em, p, rulesBefore);
            em.flush();
            Program after = p.toProgram(List.of());
            Changes changes = changes(before, after);
            if (!changes.isEmpty()) {
                audit.record(em, AUDIT_TYPE, programId, "updated", changes);
            }
            return p.toProgram(requirements(em, programId));
        });
    }

    @Override
    public Program changeStatus(long programId, long expectedVersion, ProgramStatus status) {
        security.require(ProgramPermissions.EDIT);
        return jpa.txExpr(TransactionType.Required, em -> {
            ProgramEntity p = program(em, programId, LockModeType.PESSIMISTIC_WRITE);
            if (p.version() != expectedVersion) {
                throw new ConcurrentModificationException("The program was changed by someone else since you"
                        + " opened it; reload it and try again.");
            }
            List<Requirement> requirements = requirements(em, programId);
            ProgramStatusRules.check(p.status(), status, requirements.size());
            ProgramStatus old = p.status();
            p.status(status);
            em.flush();
            audit.record(em, AUDIT_TYPE, programId, "status changed", Changes.of().field("status", old, status));
            return p.toProgram(requirements);
        });
    }

    @Override
    public Requirement addRequirement(long programId, RequirementDraft draft) {
        security.require(ProgramPermissions.EDIT);
        RequirementDraft checked = ProgramInput.requirement(draft);
        return jpa.txExpr(TransactionType.Required, em -> {
            ProgramEntity p = editable(em, programId);
            String rulesBefore = snapshot(em, p);
            RequirementEntity r = new RequirementEntity(programId, current(em, programId).size() + 1, checked);
            em.persist(r);
            em.flush();
            changeRules(em, p, rulesBefore);
            Requirement added = r.toRequirement(List.of());
            audit.record(em, AUDIT_TYPE, programId, "requirement added", requirementChanges(null, added));
            return added;
        });
    }

    @Override
    public RuleChangeImpact previewRequirementChange(long programId) {
        security.require(ProgramPermissions.EDIT);
        return jpa.txExpr(TransactionType.Required,
                em -> impact(program(em, programId, LockModeType.NONE), true));
    }

    @Override
    public Requirement updateRequirement(long requirementId, RequirementDraft draft) {
        security.require(ProgramPermissions.EDIT);
        RequirementDraft checked = ProgramInput.requirement(draft);
        return jpa.txExpr(TransactionType.Required, em -> {
            RequirementEntity r = requirement(em, requirementId);
            ProgramEntity p = editable(em, r.programId());
            String rulesBefore = snapshot(em, p);
            Requirement before = r.toRequirement(List.of());
            r.apply(checked);
            em.flush();
            changeRules(em, p, rulesBefore);
            Requirement after = r.toRequirement(offerings(em, List.of(requirementId)).getOrDefault(requirementId,
                    List.of()));
            Changes changes = requirementChanges(before, after);
            if (!changes.isEmpty()) {
                audit.record(em, AUDIT_TYPE, p.id(), "requirement updated", changes);
            }
            return after;
        });
    }

    @Override
    public void moveRequirement(long requirementId, int direction) {
        security.require(ProgramPermissions.EDIT);
        if (direction != -1 && direction != 1) {
            throw new IllegalArgumentException("A requirement moves one place up (-1) or down (+1).");
        }
        jpa.tx(TransactionType.Required, em -> {
            RequirementEntity r = requirement(em, requirementId);
            ProgramEntity p = editable(em, r.programId());
            String rulesBefore = snapshot(em, p);
            List<RequirementEntity> all = current(em, p.id());
            int index = all.indexOf(r);
            int target = index + direction;
            if (target < 0 || target >= all.size()) {
                throw new IllegalArgumentException("The requirement is already the " + (direction < 0 ? "first" : "last")
                        + " one.");
            }
            RequirementEntity other = all.get(target);
            int from = r.position();
            r.position(other.position());
            other.position(from);
            em.flush();
            changeRules(em, p, rulesBefore);
            audit.record(em, AUDIT_TYPE, p.id(), "requirement moved",
                    Changes.of().field("requirement " + requirementId + " position", from, r.position()));
        });
    }

    @Override
    public void removeRequirement(long requirementId) {
        security.require(ProgramPermissions.EDIT);
        jpa.tx(TransactionType.Required, em -> {
            RequirementEntity r = requirement(em, requirementId);
            ProgramEntity p = editable(em, r.programId());
            String rulesBefore = snapshot(em, p);
            List<RequirementEntity> all = current(em, p.id());
            if (all.size() == 1 && p.status() == ProgramStatus.ACTIVE) {
                throw new IllegalArgumentException("An active program needs at least one requirement; add another"
                        + " before removing this one, or make the program inactive first.");
            }
            Requirement before = r.toRequirement(List.of());
            r.remove();
            int position = 1;
            for (RequirementEntity e : all) {
                if (e != r) {
                    e.position(position++);
                }
            }
            em.flush();
            changeRules(em, p, rulesBefore);
            audit.record(em, AUDIT_TYPE, p.id(), "requirement removed", requirementChanges(before, null));
        });
    }

    @Override
    public Offering addOffering(long requirementId, OfferingDraft draft) {
        security.require(ProgramPermissions.EDIT);
        OfferingDraft checked = ProgramInput.offering(draft);
        return jpa.txExpr(TransactionType.Required, em -> {
            RequirementEntity r = requirement(em, requirementId);
            ProgramEntity p = editable(em, r.programId());
            OfferingEntity o = new OfferingEntity(requirementId, checked);
            em.persist(o);
            em.flush();
            Offering added = o.toOffering();
            audit.record(em, AUDIT_TYPE, p.id(), "offering added", offeringChanges(null, added));
            return added;
        });
    }

    @Override
    public void removeOffering(long offeringId) {
        security.require(ProgramPermissions.EDIT);
        jpa.tx(TransactionType.Required, em -> {
            OfferingEntity o = em.find(OfferingEntity.class, offeringId);
            if (o == null) {
                throw new IllegalArgumentException("No offering with id " + offeringId + "; it may have been removed"
                        + " already.");
            }
            RequirementEntity r = em.find(RequirementEntity.class, o.requirementId());
            ProgramEntity p = editable(em, r.programId());
            Offering removed = o.toOffering();
            em.remove(o);
            em.flush();
            audit.record(em, AUDIT_TYPE, p.id(), "offering removed", offeringChanges(removed, null));
        });
    }

    @Override
    public Optional<Program> find(long programId) {
        security.require(ProgramPermissions.READ);
        return jpa.txExpr(TransactionType.Required, em -> Optional.ofNullable(em.find(ProgramEntity.class, programId))
                .map(p -> p.toProgram(requirements(em, programId))));
    }

    @Override
    public Optional<Program> findByCode(String code) {
        security.require(ProgramPermissions.READ);
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return jpa.txExpr(TransactionType.Required, em -> em
                .createQuery("SELECT p FROM ProgramEntity p WHERE p.codeKey = :key", ProgramEntity.class)
                .setParameter("key", ProgramInput.codeKey(code)).getResultList().stream().findFirst()
                .map(p -> p.toProgram(requirements(em, p.id()))));
    }

    @Override
    public Page<ProgramSummary> search(String text, ProgramStatus status, PageRequest page) {
        security.require(ProgramPermissions.READ);
        String sortColumn = page.sortBy() == null ? "p.nameKey" : SORTS.get(page.sortBy());
        if (sortColumn == null) {
            throw new IllegalArgumentException("Programs cannot be sorted by '" + page.sortBy() + "'; use one of "
                    + SORTS.keySet() + ".");
        }
        String term = text == null ? "" : text.strip();
        List<String> conditions = new ArrayList<>();
        if (!term.isEmpty()) {
            conditions.add("(p.nameKey LIKE :name ESCAPE '\\' OR p.codeKey LIKE :code ESCAPE '\\')");
        }
        if (status != null) {
            conditions.add("p.status = :status");
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        String direction = page.ascending() ? " ASC" : " DESC";
        return jpa.txExpr(TransactionType.Required, em -> {
            TypedQuery<ProgramEntity> rows = em.createQuery("SELECT p FROM ProgramEntity p" + where + " ORDER BY "
                    + sortColumn + direction + ", p.id" + direction, ProgramEntity.class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(p) FROM ProgramEntity p" + where, Long.class);
            for (TypedQuery<?> q : List.of(rows, count)) {
                if (!term.isEmpty()) {
                    String prefix = JdbcStatements.escapeLike(term);
                    q.setParameter("name", ProgramInput.nameKey(prefix) + "%");
                    q.setParameter("code", prefix.toUpperCase(Locale.ROOT) + "%");
                }
                if (status != null) {
                    q.setParameter("status", status);
                }
            }
            List<ProgramEntity> found = rows.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
            Map<Long, Integer> counts = requirementCounts(em, found.stream().map(ProgramEntity::id).toList());
            List<ProgramSummary> items = found.stream().map(p -> new ProgramSummary(p.id(), p.code(), p.name(),
                    p.status(), counts.getOrDefault(p.id(), 0), p.ruleVersion())).toList();
            return new Page<>(items, count.getSingleResult());
        });
    }

    @Override
    public ProgramRules rules(long programId, int ruleVersion) {
        security.require(ProgramPermissions.READ);
        return jpa.txExpr(TransactionType.Required, em -> {
            ProgramEntity p = program(em, programId, LockModeType.NONE);
            RuleVersionEntity v = ruleVersion(em, programId, ruleVersion);
            if (v == null) {
                throw new IllegalArgumentException("Program " + p.code() + " has no rule version " + ruleVersion + ".");
            }
            ProgramOptions now = p.options();
            // the maintenance switch, the fee and the related application are not rules: they always come from
            // the program itself
            RuleSnapshot.Rules frozen = RuleSnapshot.read(v.snapshot(), programId, now.maintenance(), now.fee());
            Map<Long, List<Offering>> offerings = offerings(em,
                    frozen.requirements().stream().map(Requirement::id).toList());
            List<Requirement> requirements = frozen.requirements().stream()
                    .map(r -> withOfferings(r, offerings.getOrDefault(r.id(), List.of()))).toList();
            return new ProgramRules(programId, ruleVersion, p.status(),
                    frozen.options().withApplicationRequired(now.applicationRequired()).withFee(now.fee(), now.currency()),
                    requirements);
        });
    }

    /** Whether two sets of options judge enrollees differently. */
    static boolean rulesDiffer(ProgramOptions a, ProgramOptions b) {
        return !RuleSnapshot.write(a, List.of()).equals(RuleSnapshot.write(b, List.of()));
    }

    private RuleChangeImpact impact(ProgramEntity p, boolean changesRules) {
        long enrollees = enrollees(p);
        return new RuleChangeImpact(changesRules, changesRules && enrollees > 0, p.ruleVersion(), enrollees);
    }

    private long enrollees(ProgramEntity p) {
        ProgramUsage u = usage;
        return u == null ? 0 : u.currentEnrollees(p.id(), p.ruleVersion());
    }

    /**
     * After a change of {@code p} or its requirements: when the rules differ from {@code before},
     * a version with enrollees stays frozen and a new one starts; a version nobody is judged by yet
     * is rewritten in place.
     */
    private void changeRules(EntityManager em, ProgramEntity p, String before) {
        String after = snapshot(em, p);
        if (after.equals(before)) {
            return;
        }
        long enrollees = enrollees(p);
        if (enrollees > 0) {
            int previous = p.ruleVersion();
            p.ruleVersion(previous + 1);
            em.persist(new RuleVersionEntity(p.id(), p.ruleVersion(), after, clock.instant(), actor()));
            em.flush();
            audit.record(em, AUDIT_TYPE, p.id(), "rule version started", Changes.of()
                    .field("ruleVersion", previous, p.ruleVersion())
                    .field("enrolleesStayingOnVersion" + previous, null, enrollees));
        } else {
            RuleVersionEntity current = ruleVersion(em, p.id(), p.ruleVersion());
            current.rewrite(after, clock.instant(), actor());
            em.flush();
        }
    }

    /** The rules of the program as it stands in this transaction. */
    private String snapshot(EntityManager em, ProgramEntity p) {
        em.flush();
        return RuleSnapshot.write(p.options(),
                current(em, p.id()).stream().map(r -> r.toRequirement(List.of())).toList());
    }

    private static RuleVersionEntity ruleVersion(EntityManager em, long programId, int version) {
        return em.createQuery("SELECT v FROM RuleVersionEntity v WHERE v.programId = :p AND v.ruleVersion = :v",
                RuleVersionEntity.class).setParameter("p", programId).setParameter("v", version).getResultList()
                .stream().findFirst().orElse(null);
    }

    private static ProgramEntity program(EntityManager em, long id, LockModeType lock) {
        ProgramEntity p = em.find(ProgramEntity.class, id, lock);
        if (p == null) {
            throw new IllegalArgumentException("No program with id " + id + ".");
        }
        return p;
    }

    /** The program, locked for this transaction's change; a retired program is never changed again. */
    private static ProgramEntity editable(EntityManager em, long id) {
        ProgramEntity p = program(em, id, LockModeType.PESSIMISTIC_WRITE);
        if (p.status() == ProgramStatus.RETIRED) {
            throw new IllegalArgumentException("Program " + p.code() + " is retired and can no longer be changed.");
        }
        return p;
    }

    private static RequirementEntity requirement(EntityManager em, long id) {
        RequirementEntity r = em.find(RequirementEntity.class, id);
        if (r == null || r.removed()) {
            throw new IllegalArgumentException("No requirement with id " + id + "; it may have been removed.");
        }
        return r;
    }

    /** The requirements not removed, in their order. */
    private static List<RequirementEntity> current(EntityManager em, long programId) {
        return em.createQuery("SELECT r FROM RequirementEntity r WHERE r.programId = :p AND r.removed = FALSE"
                + " ORDER BY r.position, r.id", RequirementEntity.class).setParameter("p", programId).getResultList();
    }

    private static List<Requirement> requirements(EntityManager em, long programId) {
        List<RequirementEntity> rows = current(em, programId);
        Map<Long, List<Offering>> offerings = offerings(em, rows.stream().map(RequirementEntity::id).toList());
        return rows.stream().map(r -> r.toRequirement(offerings.getOrDefault(r.id(), List.of()))).toList();
    }

    /** Offerings by requirement, dated ones first by date, then undated ones, each by id. */
    private static Map<Long, List<Offering>> offerings(EntityManager em, List<Long> requirementIds) {
        Map<Long, List<Offering>> byRequirement = new HashMap<>();
        if (requirementIds.isEmpty()) {
            return byRequirement;
        }
        List<OfferingEntity> rows = em.createQuery("SELECT o FROM OfferingEntity o WHERE o.requirementId IN :ids",
                OfferingEntity.class).setParameter("ids", requirementIds).getResultList();
        Comparator<Offering> order = Comparator.comparing(Offering::date, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(Offering::id);
        rows.stream().map(OfferingEntity::toOffering).sorted(order)
                .forEach(o -> byRequirement.computeIfAbsent(o.requirementId(), k -> new ArrayList<>()).add(o));
        return byRequirement;
    }

    private static Map<Long, Integer> requirementCounts(EntityManager em, List<Long> programIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (!programIds.isEmpty()) {
            List<Object[]> rows = em.createQuery("SELECT r.programId, COUNT(r) FROM RequirementEntity r"
                    + " WHERE r.programId IN :ids AND r.removed = FALSE GROUP BY r.programId", Object[].class)
                    .setParameter("ids", programIds).getResultList();
            rows.forEach(row -> counts.put(((Number) row[0]).longValue(), ((Number) row[1]).intValue()));
        }
        return counts;
    }

    private static Requirement withOfferings(Requirement r, List<Offering> offerings) {
        return new Requirement(r.id(), r.programId(), r.position(), r.title(), r.kind(), r.gradeType(),
                r.minimumGrade(), r.needsApproval(), r.creditAmount(), List.copyOf(offerings));
    }

    /** A clear message instead of the unique index's error. */
    private static void refuseTakenCode(EntityManager em, String code, Long exceptId) {
        Long clash = em.createQuery("SELECT COUNT(p) FROM ProgramEntity p WHERE p.codeKey = :key AND p.id <> :id",
                Long.class).setParameter("key", ProgramInput.codeKey(code))
                .setParameter("id", exceptId == null ? -1L : exceptId).getSingleResult();
        if (clash > 0) {
            throw new IllegalArgumentException("Another program already has the code '" + code
                    + "' (codes are compared ignoring case).");
        }
    }

    private String actor() {
        return security.currentCaller().map(Caller::userName).orElse("system");
    }

    private static Changes changes(Program before, Program after) {
        ProgramOptions o = before == null ? null : before.options();
        ProgramOptions n = after.options();
        return Changes.of()
                .field("code", before == null ? null : before.code(), after.code())
                .field("name", before == null ? null : before.name(), after.name())
                .field("description", before == null ? null : before.description(), after.description())
                .field("requiresApproval", o == null ? null : o.requiresApproval(), n.requiresApproval())
                .field("inOrder", o == null ? null : o.inOrder(), n.inOrder())
                .field("enrolleesMayCancel", o == null ? null : o.enrolleesMayCancel(), n.enrolleesMayCancel())
                .field("maintenance", o == null ? null : o.maintenance(), n.maintenance())
                .field("adminReviewOfCertification", o == null ? null : o.adminReviewOfCertification(),
                        n.adminReviewOfCertification())
                .field("validityMonths", o == null ? null : o.validityMonths(), n.validityMonths())
                .field("deadlineMonths", o == null ? null : o.deadlineMonths(), n.deadlineMonths())
                .field("gracePeriodDays", o == null ? null : o.gracePeriodDays(), n.gracePeriodDays())
                .field("fee", o == null ? null : o.fee().toPlainString(), n.fee().toPlainString())
                .field("currency", o == null ? null : o.currency(), n.currency())
                .field("applicationRequired", o == null ? null : o.applicationRequired(), n.applicationRequired())
                .field("recertificationBasis", o == null ? null : o.recertificationBasis(), n.recertificationBasis())
                .field("fixedRecertificationDay", o == null ? null : o.fixedRecertificationDay(),
                        n.fixedRecertificationDay())
                .field("ruleVersion", before == null ? null : before.ruleVersion(), after.ruleVersion());
    }

    private static Changes requirementChanges(Requirement before, Requirement after) {
        Requirement any = after == null ? before : after;
        return Changes.of()
                .field("requirement", null, any.id())
                .field("title", before == null ? null : before.title(), after == null ? null : after.title())
                .field("kind", before == null ? null : before.kind(), after == null ? null : after.kind())
                .field("gradeType", before == null ? null : before.gradeType(), after == null ? null : after.gradeType())
                .field("minimumGrade", before == null ? null : before.minimumGrade(),
                        after == null ? null : after.minimumGrade())
                .field("needsApproval", before == null ? null : before.needsApproval(),
                        after == null ? null : after.needsApproval())
                .field("creditAmount", before == null ? null : before.creditAmount(),
                        after == null ? null : after.creditAmount())
                .field("position", before == null ? null : before.position(), after == null ? null : after.position());
    }

    private static Changes offeringChanges(Offering before, Offering after) {
        Offering any = after == null ? before : after;
        return Changes.of()
                .field("requirement", null, any.requirementId())
                .field("offering", before == null ? null : before.id(), after == null ? null : after.id())
                .field("title", before == null ? null : before.title(), after == null ? null : after.title())
                .field("date", before == null ? null : before.date(), after == null ? null : after.date())
                .field("location", before == null ? null : before.location(), after == null ? null : after.location());
    }
}
