/**
 * The audit log: who changed what, when, from which value to which. Since 1.2 many entries can be written in
 * one batch ({@link org.certportal.audit.api.AuditLog#recordAll}). Since 1.3 areas name the subjects of their
 * entries for the log's readers ({@link org.certportal.audit.api.AuditSubjects}).
 */
@Version("1.3.0")
package org.certportal.audit.api;

import org.osgi.annotation.versioning.Version;
