package org.certportal.ui.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;

class ViewContributionTest {

    @Tag("div")
    public static class PlainView extends Component {
        private static final long serialVersionUID = 1L;
    }

    @Tag("div")
    public static class ViewWithService extends Component {
        private static final long serialVersionUID = 1L;

        public ViewWithService(String service) {
            getElement().setText(service);
        }
    }

    static ViewContribution of(Class<? extends Component> viewClass) {
        return new ViewContribution() {
            @Override
            public String route() {
                return "plain";
            }

            @Override
            public String title() {
                return "Plain";
            }

            @Override
            public String permission() {
                return "plain.read";
            }

            @Override
            public Class<? extends Component> viewClass() {
                return viewClass;
            }
        };
    }

    @Test
    void aContributionThatDoesNotBuildItsViewGetsOneFromTheNoArgumentConstructor() {
        assertEquals(PlainView.class, of(PlainView.class).createView().getClass());
    }

    @Test
    void aViewNeedingServicesMustBeBuiltByItsContribution() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> of(ViewWithService.class).createView());
        assertTrue(e.getMessage().contains("its contribution must build it (createView)"), e.getMessage());
    }
}
