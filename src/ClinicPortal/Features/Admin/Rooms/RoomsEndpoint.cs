using ClinicPortal.Application.Queries;
using ClinicPortal.Domain.Rooms;
using ClinicPortal.Features.Api;
using ClinicPortal.Infrastructure.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using static ClinicPortal.Features.Api.ApiValues;

namespace ClinicPortal.Features.Admin.Rooms;

/// <summary>The practice's rooms: staff and clinicians read them (a block of time may name one), the owner defines them.</summary>
public static class RoomsEndpoint
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/rooms", GetRoomsAsync).RequireAuthorization(Bearer([Roles.Receptionist, Roles.Admin, .. Roles.ClinicianRoles]));
        api.MapPost("/rooms", AddRoomAsync).RequireAuthorization(Bearer(Roles.Admin));
        api.MapPut("/rooms/{roomId}", ChangeRoomAsync).RequireAuthorization(Bearer(Roles.Admin));
    }


    private static async Task<Ok<IReadOnlyList<RoomDto>>> GetRoomsAsync(IRoomQueries rooms, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<RoomDto>>((await rooms.AllAsync(ct)).Select(RoomDto.From).ToArray());

    private static Task<Results<Created<RoomDto>, Ok<RoomDto>, ProblemHttpResult>> AddRoomAsync(
        HttpContext http, DefineRoomHandler define, CancellationToken ct) => DefineRoomAsync(null, http, define, ct);

    private static async Task<Results<Created<RoomDto>, Ok<RoomDto>, ProblemHttpResult>> ChangeRoomAsync(
        string roomId, HttpContext http, DefineRoomHandler define, CancellationToken ct) =>
        Guid.TryParse(roomId, out var id) ? await DefineRoomAsync(id, http, define, ct) : ApiProblems.NotFound("No such room.");

    private static async Task<Results<Created<RoomDto>, Ok<RoomDto>, ProblemHttpResult>> DefineRoomAsync(
        Guid? id, HttpContext http, DefineRoomHandler define, CancellationToken ct)
    {
        var (request, problem) = await ApiJson.ReadAsync<RoomRequest>(http.Request, ct);
        if (problem is not null) return problem;
        var result = await define.HandleAsync(id, new RoomForm(request!.Name ?? "", request.Features ?? [], request.InUse ?? true), CurrentActor.From(http.User)!, ct);
        if (!result.IsAccepted)
            return ApiProblems.For(result.Rejection!.Value);
        var dto = RoomDto.From(Room.From(result.Value!));
        return id is null ? TypedResults.Created($"/api/rooms/{dto.RoomId}", dto) : TypedResults.Ok(dto);
    }
}
