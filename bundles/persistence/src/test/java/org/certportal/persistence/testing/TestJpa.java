package org.certportal.persistence.testing;

import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/**
 * Aries' JpaTemplate for tests outside OSGi: the bundle's own persistence unit (its
 * META-INF/persistence.xml) on a test data source, one resource-local transaction per outermost
 * call, joined by nested calls, rolled back on any exception, as Aries does with Required.
 */
public final class TestJpa implements JpaTemplate, AutoCloseable {
    private final EntityManagerFactory factory;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

    public TestJpa(String unitName, DataSource dataSource) {
        // the unit names an OSGi JNDI data source; outside OSGi the data source is handed over directly
        this.factory = Persistence.createEntityManagerFactory(unitName,
                Map.of("javax.persistence.nonJtaDataSource", dataSource, "eclipselink.logging.level", "WARNING"));
    }

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> code) {
        if (type != TransactionType.Required) {
            throw new IllegalArgumentException("Only Required works with RESOURCE_LOCAL units, as in Aries");
        }
        EntityManager joined = current.get();
        if (joined != null) {
            return code.apply(joined);
        }
        EntityManager em = factory.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        current.set(em);
        try {
            tx.begin();
            R result = code.apply(em);
            tx.commit();
            return result;
        } catch (RuntimeException | Error e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            current.remove();
            em.close();
        }
    }

    @Override
    public void tx(TransactionType type, EmConsumer code) {
        txExpr(type, em -> {
            code.accept(em);
            return null;
        });
    }

    @Override
    public <R> R txExpr(EmFunction<R> code) {
        return txExpr(TransactionType.Required, code);
    }

    @Override
    public void tx(EmConsumer code) {
        tx(TransactionType.Required, code);
    }

    @Override
    public void close() {
        factory.close();
    }
}
