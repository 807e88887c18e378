/**
 * The process engine: long processes of every feature area (mass certification, bulk awards,
 * notices, consistency checks) as {@link org.certportal.process.api.ProcessType} services that say
 * what to select and how to process one row; the engine schedules, runs in chunks, survives crashes,
 * previews (dry runs) and keeps the history ({@link org.certportal.process.api.ProcessService}).
 * Since 1.2 a type may process a whole chunk at once
 * ({@link org.certportal.process.api.ProcessType#processChunk}, {@link org.certportal.process.api.ChunkContext}).
 */
@Version("1.2.0")
package org.certportal.process.api;

import org.osgi.annotation.versioning.Version;
