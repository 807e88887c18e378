/**
 * Bulk credentials: credential types in an order of precedence, credentials students achieved
 * (imported or earned), credentials awarded to them under a checked unique number, and the document
 * orders that print and deliver them. Awarding runs in bulk on the process engine (process type
 * {@value org.certportal.credentials.api.CredentialService#AWARD_PROCESS}); students are contacts. Since 1.2
 * a program may grant a credential type ({@link org.certportal.credentials.api.ProgramGrant}): earning an
 * enrollment in it is an achieved credential.
 */
@Version("1.2.0")
package org.certportal.credentials.api;

import org.osgi.annotation.versioning.Version;
