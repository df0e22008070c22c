package org.educommons.workbench;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in person's workbench. */
@Path("me/workbench")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Workbench", description = "What waits for the signed-in person (工作台), per role")
@SecurityRequirement(name = "bearer")
public class WorkbenchResource {

    @Inject
    Workbench workbench;

    @GET
    @Operation(operationId = "workbench", summary = "The caller's workbench: plan progress, hosted forums, activities to answer, "
            + "own registrations, open forums, applications and the next joint council meeting, by role")
    public WorkbenchDetails workbench() {
        return workbench.mine();
    }
}
