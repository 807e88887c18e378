package org.certportal.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.certportal.ui.spi.BasicViewContribution;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;

/** The factory path: Vaadin asks for a route target, the contribution builds it with its services. */
class ContributedViewsTest {

    /** A service a view calls. */
    interface Greeter {
        String greet();
    }

    @Tag("div")
    public static class GreetingView extends Component {
        private static final long serialVersionUID = 1L;

        public GreetingView(Greeter greeter) {
            getElement().setText(greeter.greet());
        }
    }

    @Tag("div")
    public static class OtherView extends Component {
        private static final long serialVersionUID = 1L;
    }

    /** As a feature writes it: the references come in through the constructor, the view gets them. */
    static class GreetingContribution extends BasicViewContribution {
        private final Greeter greeter;

        GreetingContribution(Greeter greeter) {
            super("greeting", "Greeting", "greeting.read", GreetingView.class, "Samples", 10, "vaadin:smiley-o");
            this.greeter = greeter;
        }

        @Override
        public GreetingView createView() {
            return new GreetingView(greeter);
        }
    }

    @Test
    void aContributedRouteTargetIsTheViewItsContributionBuilds() {
        GreetingContribution contribution = new GreetingContribution(() -> "Hello");
        ContributedViews instantiator = new ContributedViews(null, type -> type == GreetingView.class
                ? Optional.of(ContributedViews.create(contribution, type)) : Optional.empty());

        GreetingView view = instantiator.createRouteTarget(GreetingView.class, null);
        assertEquals("Hello", view.getElement().getText());
        // a new view for every navigation
        GreetingView next = instantiator.createRouteTarget(GreetingView.class, null);
        assertEquals("Hello", next.getElement().getText());
        assertNotSame(view, next);
    }

    @Test
    void aContributionBuildingSomethingElseIsRefusedWithTheReason() {
        GreetingContribution contribution = new GreetingContribution(() -> "Hello");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ContributedViews.create(contribution, OtherView.class));
        assertEquals("The contribution of the view 'Greeting' built a " + GreetingView.class.getName()
                + ", not its view class " + OtherView.class.getName(), e.getMessage());

        BasicViewContribution none = new GreetingContribution(() -> "Hello") {
            @Override
            public GreetingView createView() {
                return null;
            }
        };
        e = assertThrows(IllegalStateException.class, () -> ContributedViews.create(none, GreetingView.class));
        assertEquals("The contribution of the view 'Greeting' built nothing, not its view class "
                + GreetingView.class.getName(), e.getMessage());
    }
}
