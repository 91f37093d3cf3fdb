package io.poka.alerts.internal;

import io.poka.alerts.IncidentNote;
import io.poka.platform.Problems;
import io.poka.platform.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Notes on an incident: write, list (the incident page polls it) and delete one's own (audited). */
@Path("/api/v1/incidents/{id}/notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Incidents", description = "Overlapping signals of one line, triaged as one")
public class IncidentNoteResource {
    private static final String NOTE = """
            {"id": "5b0c7d3e-2f41-4a8e-9d65-0a7f3c2b1e90", "incidentId": "0d6c1f0e-8a0e-4c43-9d5e-6d1f8b0c2a11",
             "author": "qa.kim", "text": "Called maintenance: cooling water valve on press 3 sticks",
             "createdAt": "2026-12-05T07:10:00Z"}""";

    /** Body of a note: 1 to 2000 characters. */
    public record NoteRequest(String text) {
    }

    private final IncidentNotes notes;
    private final SecurityIdentity identity;

    IncidentNoteResource(IncidentNotes notes, SecurityIdentity identity) {
        this.notes = notes;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.QA_MANAGER, Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "createIncidentNote", summary = "Write a note on an incident",
            description = "Audited (IncidentNote CREATED). 404 unknown incident, 400 empty or over 2000 characters.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NoteRequest.class), examples = @ExampleObject(name = "note",
                    value = "{\"text\": \"Called maintenance: cooling water valve on press 3 sticks\"}")))
    @APIResponse(responseCode = "201", description = "The note as stored", headers = @Header(name = "Location",
            description = "The note's address"), content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IncidentNote.class),
                    examples = @ExampleObject(name = "note", value = NOTE)))
    @APIResponse(responseCode = "400", description = "No text, or too long", content = @Content(
            mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such incident", content = @Content(
            mediaType = Problems.MEDIA_TYPE))
    public Response create(@PathParam("id") UUID incident, NoteRequest body, @Context UriInfo uri) {
        IncidentNote note = notes.add(incident, body == null ? null : body.text(), user());
        return Response.created(uri.getAbsolutePathBuilder().path(note.id().toString()).build()).entity(note)
                .build();
    }

    @GET
    @RolesAllowed("**")
    @Operation(operationId = "listIncidentNotes", summary = "The notes on an incident, oldest first")
    @APIResponse(responseCode = "200", description = "The notes", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    implementation = IncidentNote.class), examples = @ExampleObject(name = "one note",
                            value = "[" + NOTE + "]")))
    @APIResponse(responseCode = "404", description = "No such incident", content = @Content(
            mediaType = Problems.MEDIA_TYPE))
    public List<IncidentNote> list(@PathParam("id") UUID incident) {
        return notes.list(incident);
    }

    @DELETE
    @Path("/{noteId}")
    @RolesAllowed({Roles.QA_MANAGER, Roles.INSPECTOR, Roles.ADMIN})
    @Operation(operationId = "deleteIncidentNote", summary = "Delete one's own note on an incident",
            description = "Audited (IncidentNote DELETED keeps what it said). 403 someone else's note, 404 unknown.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Someone else's note", content = @Content(
            mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such note on this incident", content = @Content(
            mediaType = Problems.MEDIA_TYPE))
    // a 204 has no body: a client that accepts only problem+json (its errors) must not get 406
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    public Response delete(@PathParam("id") UUID incident, @PathParam("noteId") UUID note) {
        notes.delete(incident, note, user());
        return Response.noContent().build();
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
