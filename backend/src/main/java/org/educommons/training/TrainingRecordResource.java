package org.educommons.training;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in person's training record. */
@Path("me/training-record")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Training", description = "Credit hours (学时) earned at forums and joint activities: the training record (成长档案)")
@SecurityRequirement(name = "bearer")
public class TrainingRecordResource {

    @Inject
    TrainingRecords records;

    @GET
    @Operation(operationId = "myTrainingRecord", summary = "The caller's training record: every event that earned hours, "
            + "totals per year and for the current five-year cycle against the hours it requires")
    public TrainingRecord mine() {
        return records.mine();
    }
}
