package org.certportal.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.util.List;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/** Pax Exam options that boot the CertPortal distribution built by this reactor, on free ports. */
final class Distribution {
    private Distribution() {
    }

    static Option[] options(int httpPort, int sshPort) {
        String repo = System.getProperty("certportal.localRepo");
        String mvnCfg = "etc/org.ops4j.pax.url.mvn.cfg";
        return new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl(new File(System.getProperty("certportal.assembly")).toURI().toString())
                    .name("CertPortal").karafVersion(System.getProperty("certportal.karafVersion"))
                    .unpackDirectory(new File("target/exam")).useDeployFolder(false),
            configureConsole().ignoreLocalConsole(),
            logLevel(LogLevel.INFO),
            editConfigurationFilePut(mvnCfg, "org.ops4j.pax.url.mvn.localRepository", repo),
            editConfigurationFilePut(mvnCfg, "org.ops4j.pax.url.mvn.defaultRepositories",
                    "file:${karaf.home}/${karaf.default.repository}@id=system.repository@snapshots,file:" + repo
                            + "@id=build.local@snapshots"),
            // Pax Exam's own container bundles come from the build's repository or Maven Central
            editConfigurationFilePut(mvnCfg, "org.ops4j.pax.url.mvn.repositories",
                    "https://repo1.maven.org/maven2@id=central"),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(httpPort)),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(sshPort)),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort",
                    String.valueOf(sshPort + 1)),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort",
                    String.valueOf(sshPort + 2)),
            editConfigurationFilePut("etc/org.certportal.security.cfg", "hashIterations", "10000"),
            // the demo accounts the tests sign in with (off in the distribution)
            editConfigurationFilePut("etc/org.certportal.security.cfg", "demoUsers", "true"),
            // a mail server that refuses: the outbox's attempts and their failures are visible
            editConfigurationFilePut("etc/org.certportal.mail.cfg", "smtpHost", "127.0.0.1"),
            systemProperty("org.ops4j.pax.exam.service.timeout").value("120000"),
            systemProperty("certportal.sampleViews").value(System.getProperty("certportal.sampleViews")),
            // the staff guide, whose role table the role matrix test reads (the build runs in itests/)
            systemProperty("certportal.staffGuide").value(new File("../docs/staff/README.md").getAbsolutePath()),
        };
    }

    /**
     * Waits until the distribution's boot provisioning is over (the feature areas are booted by name
     * after the platform): a test that starts earlier races bundle refreshes of the boot.
     */
    static void awaitBoot(org.apache.karaf.features.FeaturesService features) throws Exception {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(120);
        for (String name : List.of("certportal-programs", "certportal-enrollments", "certportal-completions")) {
            while (!features.isInstalled(features.getFeature(name))) {
                if (java.time.Instant.now().isAfter(deadline)) {
                    throw new AssertionError(name + " was not installed by the boot within 120 s");
                }
                Thread.sleep(100);
            }
        }
    }
}
