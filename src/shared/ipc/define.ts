// The pieces every domain's part of the IPC contract is written with: how a channel is declared (its
// request schema, and its answer's type) and the small schemas many requests share.
import { z } from 'zod'
import type { Channel } from './channels'

/** One channel: the schema its request must pass where it enters the core, and the type of its answer. */
export interface ChannelSpec<Req extends z.ZodType = z.ZodType, Res = unknown> {
  request: Req
  response: Res
}

/** A domain's channels, each named in CHANNELS: a misspelt or unlisted name fails to compile. */
export type DomainContract = Partial<Record<Channel, ChannelSpec>>

/** Declares a channel answering with `Res`; the response exists only as a type. */
export function channel<Res>() {
  return <S extends z.ZodType>(request: S): ChannelSpec<S, Res> => ({ request, response: undefined as unknown as Res })
}

export const Id = z.string().min(1).max(200)
export const Empty = z.object({}).strict()
export const Offset = z.number().int().min(0)
