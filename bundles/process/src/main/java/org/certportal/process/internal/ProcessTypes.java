package org.certportal.process.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.certportal.process.api.ProcessType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process types registered right now. A second type claiming a taken id is ignored (and
 * logged) until the first leaves; then it takes the id over.
 */
@Component(service = ProcessTypes.class)
public class ProcessTypes {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessTypes.class);
    private final List<ProcessType> types = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "remove")
    public void add(ProcessType type) {
        if (type.id() == null || !type.id().matches("[a-z][a-z0-9.-]{0,99}")) {
            LOG.warn("Ignoring a process type with the invalid id '{}' (lower case letters, digits, '.' and '-')",
                    type.id());
            return;
        }
        if (find(type.id()).isPresent()) {
            LOG.warn("A second process type claims the id '{}' ({}); it waits until the first one leaves", type.id(),
                    type.getClass().getName());
        }
        types.add(type);
    }

    public void remove(ProcessType type) {
        types.remove(type);
    }

    public Optional<ProcessType> find(String id) {
        return types.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public boolean isAvailable(String id) {
        return find(id).isPresent();
    }

    /** One per id: the first registered. */
    public List<ProcessType> all() {
        return types.stream().filter(t -> find(t.id()).orElse(null) == t).toList();
    }
}
