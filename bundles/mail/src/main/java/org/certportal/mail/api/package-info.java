/** The mail outbox: messages queued in the caller's transaction, sent by SMTP after commit, retried, resent by hand. */
@Version("1.2.0")
package org.certportal.mail.api;

import org.osgi.annotation.versioning.Version;
