package org.certportal.masscert.api;

/**
 * The names other areas and the shell use: the process type, its parameters (given as
 * {@code key=value}, e.g. {@code process:run masscert program=CPA statuses=APPROVED send-email=yes
 * batch=4}) and the purpose of the orders it creates.
 */
public final class MassCertification {
    /** The process type's id. */
    public static final String PROCESS = "masscert";
    /** The purpose of a certification fee's order: paying it certifies the applicant. */
    public static final String ORDER_PURPOSE = "masscert.certification";

    /** The program's code (required). */
    public static final String PROGRAM = "program";
    /** Application statuses, comma-separated (e.g. APPROVED,UNDER_REVIEW); any when empty. */
    public static final String STATUSES = "statuses";
    /** First application date, inclusive. */
    public static final String APPLIED_FROM = "applied-from";
    /** Last application date, inclusive. */
    public static final String APPLIED_THROUGH = "applied-through";
    /** Send the confirmation email (yes/no; default yes). */
    public static final String SEND_EMAIL = "send-email";
    /** The accounting batch's id; required when the program has a fee. */
    public static final String BATCH = "batch";

    private MassCertification() {
    }
}
