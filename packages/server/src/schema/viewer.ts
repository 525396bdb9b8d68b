import type { Principal } from "../auth/roles.js";
import { builder } from "../builder.js";

const PrincipalType = builder.objectRef<Principal>("Principal").implement({
  description: "The API token a request carries.",
  fields: (t) => ({
    tokenId: t.exposeID("tokenId"),
    name: t.exposeString("name"),
    role: t.exposeString("role", { description: "client, admin or superadmin." }),
    regions: t.exposeStringList("regions", { description: "Regions an admin may edit; a country code covers its subdivisions (CN covers CN-SD)." }),
  }),
});

builder.queryFields((t) => ({
  viewer: t.field({
    type: PrincipalType,
    nullable: true,
    description: "The token this request carries; null without one.",
    resolve: (_root, _args, ctx) => ctx.principal,
  }),
}));
