/**
 * Contacts: the people who enrol and are certified. Besides this API the feature publishes one read
 * contract in the database: the view {@code contact_summary} (id, given_name, family_name,
 * family_name_key, external_id), which other features may join to sort and filter by name; they never
 * name the {@code contact} table. {@link org.certportal.contacts.api.ContactNames#key} makes the key.
 */
@Version("1.2.0")
package org.certportal.contacts.api;

import org.osgi.annotation.versioning.Version;
