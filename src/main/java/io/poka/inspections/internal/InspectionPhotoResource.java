package io.poka.inspections.internal;

import io.poka.inspections.internal.PhotoDtos.PhotoView;
import io.poka.platform.Problems;
import io.poka.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Photos taken by the inspector, stored with the inspection: the body is the image itself, as the camera gave it. */
@Path("/api/v1/inspections/{id}/photos")
@Tag(name = "Inspections")
public class InspectionPhotoResource {
    static final String PHOTO_EXAMPLE = """
            {"id": "4b8f0c55-2a1e-4d7e-9a43-0f6b1e2d9c10", "inspectionId": "7c1e9a0b-3f5d-4e2a-8b6c-1d0e9f8a7b65",
             "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "contentType": "image/jpeg",
             "sizeBytes": 1843302, "fileName": "IMG_0042.jpg", "uploadedBy": "inspector7",
             "uploadedAt": "2026-12-05T07:14:03Z"}""";

    private final InspectionPhotos photos;

    InspectionPhotoResource(InspectionPhotos photos) {
        this.photos = photos;
    }

    @POST
    @Consumes({"image/jpeg", "image/png", "image/webp"})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INSPECTOR, Roles.INTEGRATION, Roles.QA_MANAGER, Roles.ADMIN})
    @Operation(operationId = "addInspectionPhoto", summary = "Store a photo with an inspection", description = "The body is"
            + " the image (JPEG, PNG or WebP, recognised by its bytes; at most poka.inspections.max-photo-bytes). Its"
            + " SHA-256 identifies it within the inspection: sending the same photo again answers 200 with the stored"
            + " one, so a retried upload stores it once.")
    @RequestBody(required = true, content = {
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/webp", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "201", description = "Stored", headers = @Header(name = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PhotoView.class),
                    examples = @ExampleObject(name = "photo", value = PHOTO_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The same photo (same SHA-256) was already stored with this inspection",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PhotoView.class),
                    examples = @ExampleObject(name = "photo", value = PHOTO_EXAMPLE)))
    @APIResponse(responseCode = "413", description = "Larger than poka.inspections.max-photo-bytes",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "too large", value = """
                    {"type": "urn:poka:problem:inspections/photo-too-large", "title": "Photo too large", "status": 413,
                     "detail": "The photo has 9437184 bytes; at most 8388608 bytes are stored with an inspection",
                     "maxBytes": 8388608}""")))
    @APIResponse(responseCode = "415", description = "Not a JPEG, PNG or WebP image",
            content = @Content(mediaType = Problems.MEDIA_TYPE, examples = @ExampleObject(name = "not an image", value = """
                    {"type": "urn:poka:problem:inspections/photo-type-unsupported", "title": "Not a supported photo",
                     "status": 415, "detail": "The body (sent as image/jpeg) is not a JPEG, PNG or WebP image",
                     "supported": ["image/jpeg", "image/png", "image/webp"]}""")))
    public Response add(@PathParam("id") UUID inspectionId, InputStream body,
            @HeaderParam("Content-Type") String contentType,
            @Parameter(description = "the photo's file name on the device", example = "IMG_0042.jpg")
            @HeaderParam("X-File-Name") String fileName, @Context UriInfo uri) {
        InspectionPhotos.Stored stored = photos.add(inspectionId, read(body, photos.maxBytes()), contentType,
                fileName(fileName));
        if (!stored.created()) {
            return Response.ok(stored.photo(), MediaType.APPLICATION_JSON).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(stored.photo().id().toString()).path("content").build())
                .entity(stored.photo()).type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("**")
    @Operation(operationId = "listInspectionPhotos", summary = "The photos stored with an inspection, oldest first")
    @APIResponse(responseCode = "200", description = "The photos, without their bytes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = PhotoView.class),
                    examples = @ExampleObject(name = "one photo", value = "[" + PHOTO_EXAMPLE + "]")))
    public List<PhotoView> list(@PathParam("id") UUID inspectionId) {
        return photos.of(inspectionId);
    }

    @GET
    @Path("/{photoId}/content")
    @Produces({"image/jpeg", "image/png", "image/webp"})
    @RolesAllowed("**")
    @Operation(operationId = "getInspectionPhotoContent", summary = "The bytes of a stored photo")
    @APIResponse(responseCode = "200", description = "The image as stored; ETag is its SHA-256",
            headers = @Header(name = "ETag"), content = {
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/webp", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response content(@PathParam("id") UUID inspectionId, @PathParam("photoId") UUID photoId) {
        InspectionPhotos.Content c = photos.content(inspectionId, photoId);
        return Response.ok(c.bytes(), c.contentType()).tag(c.sha256()).build();
    }

    /** The name as the device sent it (percent-encoded, as browsers must for non-ASCII header values), cut to 200. */
    private static String fileName(String header) {
        if (header == null) {
            return null;
        }
        String name;
        try {
            name = java.net.URLDecoder.decode(header, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            name = header;
        }
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    private static byte[] read(InputStream body, int max) {
        if (body == null) {
            return new byte[0];
        }
        try (body) {
            byte[] bytes = body.readNBytes(max + 1);
            if (bytes.length > max) {
                long size = bytes.length;
                while (body.read() >= 0) {
                    size++;
                }
                throw new InspectionProblems.PhotoTooLarge(size, max);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
