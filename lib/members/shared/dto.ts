// Members and invitations as the browser receives them.
import type { Role } from "@/lib/platform/shared";

export type MemberDto = { userId: string; name: string; email: string; role: Role; since: string };
export type InvitationDto = {
  id: string;
  email: string;
  role: Role;
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
};
