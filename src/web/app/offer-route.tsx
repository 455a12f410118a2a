import { Center, Loader } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { lazy } from "react";
import { meQuery } from "../features/accounts/api";

const OfferPage = lazy(async () => ({
  default: (await import("../features/community-sessions/pages/offer-page")).OfferPage,
}));

/**
 * `/offers/:token`, the offer email's link: the community-sessions feature's page, told whether someone is signed
 * in (accepting then goes to the session page); features do not import each other (style.md 3.2, rule 10).
 */
export function OfferRoute() {
  const me = useQuery(meQuery());
  if (me.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label="Loading the offer" role="status" />
      </Center>
    );
  }
  return <OfferPage signedIn={!!me.data} />;
}
