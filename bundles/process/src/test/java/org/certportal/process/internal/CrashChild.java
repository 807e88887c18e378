package org.certportal.process.internal;

import java.time.Clock;

import org.certportal.persistence.testing.TestDatabases;

/**
 * A portal in a JVM of its own for {@link ProcessCrashIT}: runs the engine over the queued runs of
 * the database it is given until there is nothing left, or until it is killed.
 * Arguments: JDBC URL, node name, chunk size, and optionally "chunked" (the type's chunk step works).
 */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        EngineFixture f = new EngineFixture(new TestDatabases.UrlDataSource(args[0]), Clock.systemUTC());
        // written at once on the connection: slower than batched, so the kill finds it mid-run
        f.counter.deferred = false;
        f.counter.chunked = args.length > 3 && "chunked".equals(args[3]);
        System.out.println("child engine starting");
        int runs = f.engine(args[1], Integer.parseInt(args[2]), Clock.systemUTC()).runUntilIdle();
        System.out.println("child engine executed " + runs + " run(s)");
    }
}
