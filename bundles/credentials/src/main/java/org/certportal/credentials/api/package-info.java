/**
 * Bulk credentials: credential types in an order of precedence, credentials students achieved
 * (imported or earned), credentials awarded to them under a checked unique number, and the document
 * orders that print and deliver them. Awarding runs in bulk on the process engine (process type
 * {@value org.certportal.credentials.api.CredentialService#AWARD_PROCESS}); students are contacts.
 */
@Version("1.1.0")
package org.certportal.credentials.api;

import org.osgi.annotation.versioning.Version;
