package org.certportal.enrollments.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

/**
 * A data source that counts what reaches the database: statements executed (a JDBC batch counts
 * once), connections taken and transactions committed. Tests hold a click to the count it needs.
 */
final class CountingDataSource {
    final AtomicInteger statements = new AtomicInteger();
    final AtomicInteger commits = new AtomicInteger();
    final AtomicInteger connections = new AtomicInteger();
    final DataSource dataSource;

    CountingDataSource(DataSource target) {
        this.dataSource = proxy(DataSource.class, target, (t, method, args) -> {
            Object result = invoke(t, method, args);
            if (result instanceof Connection) {
                connections.incrementAndGet();
            }
            return result instanceof Connection c ? proxy(Connection.class, c, this::connection) : result;
        });
    }

    void reset() {
        statements.set(0);
        commits.set(0);
        connections.set(0);
    }

    @SuppressWarnings("unchecked")
    private Object connection(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        if (method.getName().equals("commit")) {
            commits.incrementAndGet();
        }
        Object result = invoke(target, method, args);
        if (result instanceof Statement s && !method.getName().equals("unwrap")) {
            Class<? extends Statement> type = (Class<? extends Statement>) method.getReturnType();
            return proxy(type, s, (t, m, a) -> {
                if (m.getName().startsWith("execute")) {
                    statements.incrementAndGet();
                }
                return invoke(t, m, a);
            });
        }
        return result;
    }

    @FunctionalInterface
    private interface Handler {
        Object handle(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, Handler handler) {
        InvocationHandler h = (p, m, a) -> handler.handle(target, m, a);
        return (T) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] { type }, h);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
