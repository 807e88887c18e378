/** Contacts: the people who enrol and are certified. */
@Version("1.1.0")
package org.certportal.contacts.api;

import org.osgi.annotation.versioning.Version;
