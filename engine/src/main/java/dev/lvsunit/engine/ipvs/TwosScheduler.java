package dev.lvsunit.engine.ipvs;

/**
 * {@code ip_vs_twos.c}: power of two choices. Two random numbers in
 * {@code [0, total weight]} each pick a real server by walking the list and
 * subtracting weights; the one with the smaller {@code overhead / weight}
 * wins. The randomness is the world's seeded source, two draws per schedule.
 */
final class TwosScheduler implements Scheduler {

    private final SchedulerEnv env;

    TwosScheduler(SchedulerEnv env) {
        this.env = env;
    }

    @Override
    public String name() {
        return "twos";
    }

    @Override
    public RealServer schedule(VirtualService svc, Flow flow) {
        RealServer choice1 = null;
        RealServer choice2 = null;
        long total = 0;
        for (RealServer d : svc.destinations) {
            if (!d.overloaded && d.weight > 0) {
                total += d.weight;
                choice1 = d;
            }
        }
        if (choice1 == null) {
            return null;
        }
        total += 1;
        long r1 = (env.random().nextInt() & 0xffffffffL) % total;
        long r2 = (env.random().nextInt() & 0xffffffffL) % total;
        int weight1 = -1;
        int weight2 = -1;
        long overhead1 = 0;
        long overhead2 = 0;
        for (RealServer d : svc.destinations) {
            if (d.overloaded || d.weight <= 0) {
                continue;
            }
            r1 -= d.weight;
            r2 -= d.weight;
            if (r1 <= 0 && weight1 == -1) {
                choice1 = d;
                weight1 = d.weight;
                overhead1 = d.overhead();
            }
            if (r2 <= 0 && weight2 == -1) {
                choice2 = d;
                weight2 = d.weight;
                overhead2 = d.overhead();
            }
            if (weight1 != -1 && weight2 != -1) {
                break;
            }
        }
        if (choice2 != null && choice1 != choice2 && weight2 * overhead1 > weight1 * overhead2) {
            choice1 = choice2;
        }
        return choice1;
    }
}
