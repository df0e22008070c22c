package org.educommons.training;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Training records: one's own, and a tenant's people's totals for its admins. */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Training", description = "Credit hours (学时) earned at forums and joint activities: the training record (成长档案)")
@SecurityRequirement(name = "bearer")
public class TrainingRecordResource {

    @Inject
    TrainingRecords records;

    @GET
    @Path("me/training-record")
    @Operation(operationId = "myTrainingRecord", summary = "The caller's training record: every event that earned hours, "
            + "totals per year and for the current five-year cycle against the hours it requires")
    public TrainingRecord mine() {
        return records.mine();
    }

    @GET
    @Path("training-records")
    @Operation(operationId = "tenantTrainingTotals", summary = "Every person of the caller's tenant with their hours in a year "
            + "(?year=, this year by default) and in its five-year cycle; ?reached=true: only those who reached the cycle's hours "
            + "(tenant admins)")
    public List<TrainingRecord.PersonTotal> ofMyTenant(@QueryParam("year") Integer year, @QueryParam("reached") boolean reached) {
        return records.ofMyTenant(year, reached);
    }
}
