package org.certportal.process.api;

import java.util.List;

/**
 * A process as the Process Center and the shell list it.
 *
 * @param available whether its bundle is there; an unavailable type is known only from its
 *        schedules or runs, and they wait for it (title and description then repeat the id)
 */
public record ProcessTypeInfo(String id, String title, String description, String permission,
        List<ParameterDefinition> parameters, List<String> resultFiles, boolean available) {
    public ProcessTypeInfo {
        parameters = List.copyOf(parameters);
        resultFiles = List.copyOf(resultFiles);
    }
}
