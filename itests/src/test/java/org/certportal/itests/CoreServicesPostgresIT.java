package org.certportal.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.util.ArrayList;
import java.util.List;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The same contact tests on PostgreSQL: the production configuration, switched only by the data
 * source file, against the throwaway cluster the build starts (src/test/scripts/pg.sh).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CoreServicesPostgresIT extends CoreServicesIT {

    @Override
    protected String expectedDatabase() {
        return "PostgreSQL";
    }

    @Override
    @Configuration
    public Option[] config() {
        String cfg = "etc/org.ops4j.datasource-certportal.cfg";
        List<Option> options = new ArrayList<>(List.of(Distribution.options(28381, 28301)));
        options.add(editConfigurationFilePut(cfg, "osgi.jdbc.driver.class", "org.postgresql.Driver"));
        options.add(editConfigurationFilePut(cfg, "url", "jdbc:postgresql://127.0.0.1:"
                + System.getProperty("certportal.pg.port", "25432") + "/certportal?reWriteBatchedInserts=true"));
        options.add(editConfigurationFilePut(cfg, "user", "postgres"));
        return options.toArray(new Option[0]);
    }
}
