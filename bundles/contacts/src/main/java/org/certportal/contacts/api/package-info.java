/** Contacts: the people who enrol and are certified. */
@Version("1.0.0")
package org.certportal.contacts.api;

import org.osgi.annotation.versioning.Version;
